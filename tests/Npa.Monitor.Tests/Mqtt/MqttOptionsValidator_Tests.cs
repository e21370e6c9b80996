using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>MQTT options fail at start with messages that name the key and the reason.</summary>
public sealed class MqttOptionsValidator_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Defaults_Are_Embedded_On_Loopback_And_Valid()
    {
        var defaults = new MqttOptions();
        Assert.Equal((MqttMode.Embedded, "127.0.0.1", 1883, "npa", 0), (defaults.Mode, defaults.Host, defaults.Port, defaults.TopicPrefix, defaults.AssessmentQoS));
        Assert.Equal(ValidateOptionsResult.Success, new MqttOptionsValidator().Validate(null, defaults));
    }

    [Fact]
    public void Instance_Id_Defaults_To_The_Host_Name_And_Names_The_Client_Id()
    {
        var defaults = new MqttOptions();
        Assert.Equal(Npa.Shared.Messages.MonitorInstanceId.FromHostName(Environment.MachineName), defaults.InstanceId);
        Assert.Equal("npa-monitor-" + defaults.InstanceId, defaults.MonitorClientId());
        Assert.Equal("fixed", new MqttOptions { ClientId = "fixed" }.MonitorClientId());
    }

    [Theory]
    [InlineData("Port", "70000", "Mqtt:Port is 70000; it must be between 1 and 65535")]
    [InlineData("AssessmentQoS", "2", "Mqtt:AssessmentQoS is 2; it must be 0 or 1")]
    [InlineData("TopicPrefix", "npa/#", "Mqtt:TopicPrefix is 'npa/#'")]
    [InlineData("Host", "localhost", "the embedded broker binds an IP address")]
    [InlineData("Tls", "true", "Mqtt:CertificateFile is empty; the embedded broker with Mqtt:Tls needs a PEM certificate and its key")]
    [InlineData("CaFile", "/etc/ssl/certs/ca-certificates.crt", "Mqtt:CaFile is for an external broker")]
    [InlineData("KeyFile", "/nonexistent/broker.key", "Mqtt:KeyFile is set but Mqtt:Tls is false")]
    [InlineData("Username", "monitor", "Mqtt:Username is set without Mqtt:PasswordFile")]
    [InlineData("PasswordFile", "/nonexistent/pw", "Mqtt:PasswordFile is set but Mqtt:Username is empty")]
    [InlineData("ReconnectMinDelay", "00:00:00", "Mqtt:ReconnectMinDelay is 00:00:00; it must be positive")]
    [InlineData("OutboxCapacity", "1", "Mqtt:OutboxCapacity is 1")]
    [InlineData("PendingReconnectMaxDelay", "00:00:00", "Mqtt:PendingReconnectMaxDelay is 00:00:00; it must be positive")]
    [InlineData("InstanceId", "ward.3", "Mqtt:InstanceId is 'ward.3'; use 1 to 64 letters, digits, '-' or '_'")]
    [InlineData("InstanceId", "ward/3", "Mqtt:InstanceId is 'ward/3'")]
    public void Bad_Value_From_Configuration_Fails_At_Start_Naming_The_Key(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"Mqtt:{key}"] = value }));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_Broker_Needs_Existing_Files_And_No_Dashboard_Users()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Mqtt:Mode"] = "External", ["Mqtt:Host"] = "broker.ward", ["Mqtt:Tls"] = "true", ["Mqtt:CaFile"] = "/nonexistent/ca.pem",
            ["Mqtt:DashboardUsers:0:Username"] = "nurse", ["Mqtt:DashboardUsers:0:PasswordFile"] = "/nonexistent/nurse.pw",
        }));
        Assert.Contains("Mqtt:CaFile '/nonexistent/ca.pem' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Mqtt:DashboardUsers are for the embedded broker's ACL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Mqtt:DashboardUsers:0:PasswordFile '/nonexistent/nurse.pw' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_External_Configuration_Binds()
    {
        File.WriteAllText(_temp.File("pw"), "secret\n");
        var options = Bind(new()
        {
            ["Mqtt:Mode"] = "External", ["Mqtt:Host"] = "broker.ward", ["Mqtt:Port"] = "8883", ["Mqtt:Username"] = "monitor",
            ["Mqtt:PasswordFile"] = _temp.File("pw"), ["Mqtt:AssessmentQoS"] = "1",
        });
        Assert.Equal((MqttMode.External, 8883, 1), (options.Mode, options.Port, options.AssessmentQoS));
        Assert.Equal(new MonitorMqttCredentials("monitor", "secret"), MonitorMqttCredentials.Resolve(options));
    }

    [Fact]
    public void Empty_Password_File_Is_Named()
    {
        File.WriteAllText(_temp.File("empty.pw"), "");
        var ex = Assert.Throws<InvalidOperationException>(() => MonitorMqttCredentials.ReadPasswordFile(_temp.File("empty.pw")));
        Assert.Contains("empty.pw' is empty", ex.Message, StringComparison.Ordinal);
    }

    private static MqttOptions Bind(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOptions<MqttOptions>().Bind(config.GetSection("Mqtt"), o => o.ErrorOnUnknownConfiguration = true);
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MqttOptions>>().Value;
    }
}
