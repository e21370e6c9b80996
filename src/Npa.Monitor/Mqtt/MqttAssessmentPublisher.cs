using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// Publishes the monitor's messages over MQTT as ARCHITECTURE.md lays out: assessments (configurable QoS, not
/// retained) and stats (QoS 0) best effort; alerts (QoS 1), states and statuses (QoS 1, retained) through the
/// persistent outbox, so none is lost to a broker outage or a restart.
/// </summary>
public sealed class MqttAssessmentPublisher : IAssessmentPublisher, IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly MqttTopics _topics;
    private readonly SqliteOutbox _outbox;
    private readonly ReliableMqttPublisher _link;
    private int _disposed;

    /// <summary>Opens the outbox at <paramref name="outboxPath"/>; nothing connects until <see cref="StartAsync"/>.</summary>
    public MqttAssessmentPublisher(MqttOptions options, MonitorMqttCredentials credentials, string outboxPath, ILogger<MqttAssessmentPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _topics = new MqttTopics(options.TopicPrefix);
        _outbox = new SqliteOutbox(outboxPath, options.OutboxCapacity, logger);
        _link = new ReliableMqttPublisher(options, credentials, _outbox, _topics.Available, logger);
    }

    /// <summary>The topics this publisher uses.</summary>
    public MqttTopics Topics => _topics;

    /// <summary>Whether the broker is connected now.</summary>
    public bool IsConnected => _link.IsConnected;

    /// <summary>Successful connects so far (1 after the first, +1 per reconnect).</summary>
    public long Connects => _link.Connects;

    /// <summary>Entries waiting in the outbox.</summary>
    public int Pending => _outbox.Count;

    /// <summary>Assessments and stats dropped while the broker was away.</summary>
    public long BestEffortDropped => _link.BestEffortDropped;

    /// <summary>Alerts stored beyond the outbox capacity (the outbox only held alerts).</summary>
    public long AlertsOverCapacity => _outbox.AlertsOverCapacity;

    /// <summary>States/statuses dropped because the outbox was full.</summary>
    public long OutboxDropped => _outbox.DroppedNonAlerts;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => _link.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _link.StopAsync(cancellationToken);

    /// <inheritdoc />
    public Task PublishAssessmentAsync(AssessmentMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _link.PublishBestEffortAsync(_topics.Assessment(message.BedId), MqttJson.Serialize(message), _options.AssessmentQoS, retain: false, ct);
    }

    /// <inheritdoc />
    public Task PublishStatsAsync(StatsMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _link.PublishBestEffortAsync(_topics.Stats, MqttJson.Serialize(message), 0, retain: false, ct);
    }

    /// <inheritdoc />
    public Task PublishStateAsync(BedStateMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.State, _topics.State(message.BedId), message, retain: true);
    }

    /// <inheritdoc />
    public Task PublishAlertAsync(AlertEventMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.Alert, _topics.Alert(message.BedId), message, retain: false);
    }

    /// <inheritdoc />
    public Task PublishStatusAsync(BedStatusMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.Status, _topics.Status(message.BedId), message, retain: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _link.DisposeAsync();
        _outbox.Dispose();
    }

    private Task Durable(OutboxKind kind, string topic, IMqttMessage message, bool retain)
    {
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            _link.Enqueue(new OutboxMessage(kind, topic, MqttJson.Serialize(message), 1, retain));
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // Async contract: the caller observes the failure on the task (and logs it) instead of its pipeline throwing.
            return Task.FromException(ex);
        }
    }
}
