using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;

namespace Npa.Monitor.Tests.Soak;

/// <summary>A subscriber to <c>npa/#</c> that reconnects at once after the broker comes back, keeping every message with its arrival time.</summary>
internal sealed class SoakCapture : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port;
    private Task? _loop;

    public SoakCapture(int port)
    {
        _port = port;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            string payload = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            _messages.Enqueue(Parse(e.ApplicationMessage.Topic, payload));
            return Task.CompletedTask;
        };
    }

    internal sealed record Message(DateTimeOffset Arrived, string Topic, long? Seq, string? Event, string? EpisodeId, string? Reason, bool Retained);

    public IReadOnlyList<Message> Messages => [.. _messages];

    public int Reconnects { get; private set; }

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("npa-soak-capture").WithCleanSession().Build();
                    await _client.ConnectAsync(options, ct);
                    await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("npa/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
                    Reconnects++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The broker is down on purpose; try again soon, faster than the monitor's own back-off.
                }
            }
            await Task.Delay(50, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static Message Parse(string topic, string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            long? seq = root.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
            return new Message(DateTimeOffset.UtcNow, topic, seq, Text(root, "event"), Text(root, "episode_id"), Text(root, "reason"), false);
        }
        catch (JsonException)
        {
            return new Message(DateTimeOffset.UtcNow, topic, null, null, null, null, false);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _client.Dispose();
        _stop.Dispose();
    }
}
