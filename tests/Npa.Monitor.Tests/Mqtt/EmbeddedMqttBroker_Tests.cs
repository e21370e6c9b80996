using System.Runtime.Versioning;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>The embedded broker's ACL: the monitor publishes, dashboard users only subscribe.</summary>
[SupportedOSPlatform("linux")]
public sealed class EmbeddedMqttBroker_Tests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly MqttOptions _options;
    private readonly MonitorMqttCredentials _monitor;
    private readonly EmbeddedMqttBroker _broker;

    public EmbeddedMqttBroker_Tests()
    {
        File.WriteAllText(_temp.File("nurse.pw"), "s3cret\n");
        _options = new MqttOptions { Port = FreePort.Next(), AllowAnonymousSubscribers = false };
        _options.DashboardUsers.Add(new MqttDashboardUser { Username = "nurse", PasswordFile = _temp.File("nurse.pw") });
        _monitor = MonitorMqttCredentials.Resolve(_options);
        _broker = new EmbeddedMqttBroker(_options, _monitor);
    }

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public void Resolve_Without_Configured_User_Gives_A_Fresh_Secret_Per_Run()
    {
        var again = MonitorMqttCredentials.Resolve(_options);
        Assert.Equal(MonitorMqttCredentials.GeneratedUsername, _monitor.Username);
        Assert.True(_monitor.Password!.Length >= 32);
        Assert.NotEqual(_monitor.Password, again.Password);
        Assert.DoesNotContain(_monitor.Password, _monitor.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_Publishes_And_Dashboard_User_Receives()
    {
        await using var nurse = await TestSubscriber.ConnectAsync(_options.Port, "npa/#", "nurse", "s3cret");
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        await using var publisher = new ReliableMqttPublisher(_options, _monitor, outbox, "npa/available");
        await publisher.StartAsync();
        publisher.Enqueue(new OutboxMessage(OutboxKind.Alert, "npa/beds/b1/alert", Encoding.UTF8.GetBytes("{\"n\":1}"), 1, false));
        await Eventually.HoldsAsync(() => nurse.PayloadsOn("npa/beds/b1/alert").Contains("{\"n\":1}"), "alert reaches the nurse");
        Assert.Equal(0, publisher.RejectedByBroker);
    }

    [Fact]
    public async Task Dashboard_User_Publish_Is_Refused_And_Reaches_No_One()
    {
        await using var watcher = await TestSubscriber.ConnectAsync(_options.Port, "npa/#", "nurse", "s3cret");
        await using var nurse = await TestSubscriber.ConnectAsync(_options.Port, "npa/#", "nurse", "s3cret");
        var result = await nurse.Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("npa/beds/b1/alert").WithPayload("forged").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);

        // Retained forgery must not stick either; a QoS 0 publish has no PUBACK, so look at the counter and the watcher.
        await nurse.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("npa/available").WithPayload("offline").WithRetainFlag().Build());
        await Eventually.HoldsAsync(() => _broker.RejectedPublishes == 2, "both forged publishes refused");
        await using var late = await TestSubscriber.ConnectAsync(_options.Port, "npa/#", "nurse", "s3cret");
        await nurse.Client.PingAsync();
        Assert.Empty(watcher.Messages);
        Assert.Empty(late.Messages);
    }

    [Theory]
    [InlineData("nurse", "wrong", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("intruder", "s3cret", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(null, null, MqttClientConnectResultCode.NotAuthorized)]
    public async Task Bad_Or_Missing_Credentials_Are_Refused(string? user, string? password, MqttClientConnectResultCode expected)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _options.Port).WithProtocolVersion(MqttProtocolVersion.V500);
        if (user is not null) options.WithCredentials(user, password);
        Assert.Equal(expected, await ConnectResultAsync(client, options.Build()));
    }

    [Fact]
    public async Task Subscriber_Using_The_Monitors_Client_Id_Is_Refused()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _options.Port).WithClientId(_options.MonitorClientId())
            .WithCredentials("nurse", "s3cret").WithProtocolVersion(MqttProtocolVersion.V500).Build();
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await ConnectResultAsync(client, options));
    }

    [Fact]
    public async Task Mqtt5_Client_Without_An_Id_Gets_One_Assigned()
    {
        // mosquitto_sub -V mqttv5 sends an empty client id and expects the broker to assign one.
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _options.Port).WithClientId("")
            .WithCredentials("nurse", "s3cret").WithProtocolVersion(MqttProtocolVersion.V500).Build();
        var result = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.StartsWith("auto-", result.AssignedClientIdentifier, StringComparison.Ordinal);
        await client.DisconnectAsync();
    }

    [Fact]
    public async Task Anonymous_Subscribers_May_Subscribe_But_Not_Publish_When_Allowed()
    {
        var open = new MqttOptions { Port = FreePort.Next() };
        await using var broker = new EmbeddedMqttBroker(open, MonitorMqttCredentials.Resolve(open));
        await broker.StartAsync();
        await using var tool = await TestSubscriber.ConnectAsync(open.Port);
        var result = await tool.Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("npa/stats").WithPayload("{}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task Broker_Listens_Only_On_The_Configured_Ipv4_Address()
    {
        using var v4 = new System.Net.Sockets.TcpClient();
        await v4.ConnectAsync(System.Net.IPAddress.Loopback, _options.Port);
        Assert.True(v4.Connected);
        // No IPv6 wildcard listener: that would expose the broker on every interface.
        using var v6 = new System.Net.Sockets.TcpClient(System.Net.Sockets.AddressFamily.InterNetworkV6);
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => v6.ConnectAsync(System.Net.IPAddress.IPv6Loopback, _options.Port));
    }

    [Fact]
    public async Task Ipv6_Host_Binds_Only_That_Address()
    {
        var v6Options = new MqttOptions { Host = "::1", Port = FreePort.Next() };
        await using var broker = new EmbeddedMqttBroker(v6Options, MonitorMqttCredentials.Resolve(v6Options));
        await broker.StartAsync();
        using var v6 = new System.Net.Sockets.TcpClient(System.Net.Sockets.AddressFamily.InterNetworkV6);
        await v6.ConnectAsync(System.Net.IPAddress.IPv6Loopback, v6Options.Port);
        Assert.True(v6.Connected);
        using var v4 = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => v4.ConnectAsync(System.Net.IPAddress.Loopback, v6Options.Port));
    }

    [Fact]
    public async Task Start_Stop_And_Dispose_Twice_Are_Harmless()
    {
        await _broker.StartAsync();
        Assert.True(_broker.IsRunning);
        await _broker.StopAsync();
        await _broker.StopAsync();
        Assert.False(_broker.IsRunning);
        await _broker.DisposeAsync();
        await _broker.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _broker.StartAsync());
    }

    private static async Task<MqttClientConnectResultCode> ConnectResultAsync(IMqttClient client, MqttClientOptions options) =>
        (await client.ConnectAsync(options)).ResultCode;
}
