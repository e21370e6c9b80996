using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>An MQTT 5 client that records every message under a filter.</summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<Received> _messages = new();

    private TestSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            _messages.Enqueue(new Received(m.Topic, Encoding.UTF8.GetString(m.Payload), m.Retain, (int)m.QualityOfServiceLevel));
            return Task.CompletedTask;
        };
    }

    public sealed record Received(string Topic, string Payload, bool Retain, int QoS);

    public IReadOnlyList<Received> Messages => [.. _messages];

    public IReadOnlyList<string> PayloadsOn(string topic) => [.. _messages.Where(m => m.Topic == topic).Select(m => m.Payload)];

    public static async Task<TestSubscriber> ConnectAsync(int port, string filter = "npa/#", string? user = null, string? password = null)
    {
        var subscriber = new TestSubscriber();
        await subscriber.ReconnectAsync(port, filter, user, password);
        return subscriber;
    }

    public async Task ReconnectAsync(int port, string filter = "npa/#", string? user = null, string? password = null)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-sub-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (user is not null) options.WithCredentials(user, password);
        if (_client.IsConnected) await _client.DisconnectAsync();
        await _client.ConnectAsync(options.Build());
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    public IMqttClient Client => _client;

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
            }
        }
        _client.Dispose();
    }
}
