using Microsoft.Extensions.Options;
using Npa.Monitor.Station;

namespace Npa.Monitor.Tests.Station;

/// <summary>The <c>Station</c> section: every problem reported at once, each naming its key.</summary>
public sealed class StationOptions_Tests
{
    private static ValidateOptionsResult Validate(StationOptions o) => new StationOptionsValidator().Validate(null, o);

    [Fact]
    public void The_Defaults_Are_Valid_And_Read_Only()
    {
        var o = new StationOptions { ClientId = "s1" };
        Assert.True(Validate(o).Succeeded);
        Assert.Equal("s1", o.Signature(null));
    }

    [Fact]
    public void Every_Bad_Key_Is_Named_Together()
    {
        var o = new StationOptions
        {
            Host = " ", Port = 0, KeepAliveSeconds = 0, WebPort = 70000, HistoryMinutes = 0, TopicPrefix = "npa/#",
            Username = "station/1", CaFile = "/nowhere/ca.pem", BindAddress = "0.0.0.0",
        };
        var failures = Validate(o).Failures!.ToList();
        Assert.Equal(
        [
            "Station:Host: is empty; name the broker (default 127.0.0.1)",
            "Station:Port: 0 is out of range; allowed 1–65535",
            "Station:KeepAliveSeconds: 0 is out of range; allowed 1–600",
            "Station:WebPort: 70000 is out of range; allowed 0–65535",
            "Station:HistoryMinutes: 0 is out of range; allowed 1–240",
            "Station:TopicPrefix: MQTT prefix 'npa/#' must not contain '+', '#' or NUL (Parameter 'prefix')",
            "Station:Username: must not contain '/', '+', '#' or control characters (it signs each command as 'user/nurse')",
            "Station:PasswordFile: is empty; Station:Username needs a password file (first line)",
            "Station:CaFile: is set but Station:Tls is false",
            "Station:BindAddress: '0.0.0.0' is not loopback; the ward page has no sign-in of its own, so it serves this machine only (127.0.0.1 or ::1)",
        ], failures);
    }

    [Fact]
    public void A_Command_Is_Signed_With_The_Broker_User_And_The_Nurse()
    {
        var o = new StationOptions { Username = "station-1", PasswordFile = "/dev/null" };
        Assert.Equal("station-1/j.smith", o.Signature(" j.smith "));
        Assert.Equal("station-1", o.Signature("  "));
    }
}
