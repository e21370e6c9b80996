using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using Npa.Monitor.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// Keeps one MQTT connection up (reconnect with exponential backoff), announces availability (retained
/// <c>online</c>, Last Will <c>offline</c>, <c>stopped</c> on a clean stop), drains the persistent outbox in order
/// (an entry stops being pending only at its PUBACK, and is replayed after a reconnect within the replay window)
/// and sends best-effort messages while connected.
/// </summary>
public sealed partial class ReliableMqttPublisher : IAsyncDisposable
{
    private const int DrainBatch = 64;

    private readonly MqttOptions _options;
    private readonly SqliteOutbox _outbox;
    private readonly string _availabilityTopic;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _bestEffortDropped;
    private long _rejectedByBroker;
    private long _connects;
    private long _connectFailures;
    private long _disconnectedAtMs = -1;
    private int _disposed;

    /// <summary>Creates the publisher; it connects on <see cref="StartAsync"/>.</summary>
    public ReliableMqttPublisher(MqttOptions options, MonitorMqttCredentials credentials, SqliteOutbox outbox, string availabilityTopic,
        ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(availabilityTopic);
        _options = options;
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _availabilityTopic = availabilityTopic;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _clientOptions = MqttClientOptionsFactory.Create(options, credentials, availabilityTopic, Availability.Offline);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected) Interlocked.Exchange(ref _disconnectedAtMs, _time.GetUtcNow().ToUnixTimeMilliseconds());
            _wake.Writer.TryWrite(true);
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether the client is connected now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Successful connects so far (1 after the first, +1 per reconnect).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Failed connection attempts and lost connections so far (each one is followed by a backoff wait).</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Best-effort messages (assessments, stats) dropped because the broker was not reachable.</summary>
    public long BestEffortDropped => Interlocked.Read(ref _bestEffortDropped);

    /// <summary>Outbox entries the broker refused with an error reason code (logged, then removed).</summary>
    public long RejectedByBroker => Interlocked.Read(ref _rejectedByBroker);

    /// <summary>Entries waiting in the outbox.</summary>
    public int Pending => _outbox.Count;

    /// <summary>Starts the connection loop and returns at once; a second call does nothing.</summary>
    public Task StartAsync(CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _loop ??= Task.Run(() => RunAsync(_stop.Token), ct);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stores a QoS 1 message durably and wakes the sender; it is delivered, in order, once connected. False when the
    /// outbox's overflow policy did not store it (a state/status while only alerts remain).
    /// </summary>
    public bool Enqueue(OutboxMessage message)
    {
        ThrowIfDisposed();
        if (_outbox.Enqueue(message) is null) return false;
        _wake.Writer.TryWrite(true);
        return true;
    }

    /// <summary>Sends a message now if connected; otherwise, or on error, counts it as dropped. Never throws for the broker's sake.</summary>
    public async Task PublishBestEffortAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        if (!_client.IsConnected)
        {
            Interlocked.Increment(ref _bestEffortDropped);
            return;
        }
        try
        {
            await _client.PublishAsync(Message(topic, payload, qos, retain), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref _bestEffortDropped);
            _logger.LogDebug(ex, "Best-effort MQTT publish to {Topic} dropped", topic);
        }
    }

    /// <summary>Stops the loop; when connected, publishes retained <c>stopped</c> and disconnects cleanly (no Last Will).</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await _stop.CancelAsync();
        if (_loop is { } loop) await loop.WaitAsync(ct);
        if (!_client.IsConnected) return;
        try
        {
            await ClearAnnouncementsAsync(ct);
            await _client.PublishAsync(Message(_availabilityTopic, Encoding.UTF8.GetBytes(Availability.Stopped), 1, true), ct);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "MQTT clean shutdown failed; the broker will publish the Last Will");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private static MqttApplicationMessage Message(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel((MQTTnet.Protocol.MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build();

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
