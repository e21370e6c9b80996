using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npa.Monitor.Hosting;
using Npa.Monitor.Station;

namespace Npa.Monitor.Tests.Station;

/// <summary>A real station host (Kestrel on a free loopback port) reading a broker on <c>127.0.0.1</c>.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class TestStation : IAsyncDisposable
{
    private TestStation(WebApplication app) => App = app;

    public WebApplication App { get; }

    public Uri BaseUri => App.DashboardUri();

    public WardBoard Board => App.Services.GetRequiredService<WardBoard>();

    /// <summary>Writes a 0600 password file for a broker user and returns its path.</summary>
    public static string PasswordFile(string folder, string user, string password)
    {
        string path = Path.Combine(folder, user + ".pw");
        File.WriteAllText(path, password + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public static async Task<TestStation> StartAsync(int brokerPort, string? user = null, string? passwordFile = null, Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Station:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Station:WebPort"] = "0",
            ["Station:ClientId"] = "test-station-" + Guid.NewGuid().ToString("N")[..8],
            ["Station:Username"] = user,
            ["Station:PasswordFile"] = passwordFile,
        };
        tweak?.Invoke(settings);
        var app = StationHost.Build(new StationHostSettings { Overrides = settings, EnvironmentPrefix = "NPA_TEST_UNUSED_" });
        await app.StartStationAsync();
        return new TestStation(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
