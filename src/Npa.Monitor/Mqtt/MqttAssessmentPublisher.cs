using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Monitor.Alarms;
using Npa.Monitor.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// Publishes the monitor's messages over MQTT as ARCHITECTURE.md lays out: assessments (configurable QoS, not
/// retained) and stats (QoS 0) best effort; alerts (QoS 1), states and statuses (QoS 1, retained) through the
/// persistent outbox, so none is lost to a broker outage or a restart.
/// </summary>
/// <remarks>
/// Alerts, states and statuses are numbered here, per topic, on from the last <c>seq</c> the outbox stored (the
/// caller's <c>Seq</c> is replaced), so that a subscriber that drops <c>seq</c> at or below the last one it saw keeps
/// working across restarts. Opening the outbox ends the episodes a previous process left open.
/// </remarks>
public sealed partial class MqttAssessmentPublisher : IAssessmentPublisher, IModelPublisher, IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly MqttTopics _topics;
    private readonly SqliteOutbox _outbox;
    private readonly ReliableMqttPublisher _link;
    private readonly ILogger _logger;
    private readonly Lock _seqGate = new();
    private readonly Dictionary<string, long> _lastSeq;
    private int _disposed;

    /// <summary>
    /// Opens the outbox at <paramref name="outboxPath"/> and queues the end of each episode left open there (at
    /// <paramref name="time"/>'s now); nothing connects until <see cref="StartAsync"/>. <paramref name="beds"/> are
    /// the beds this instance claims on the broker; <paramref name="alarms"/> takes the nurses' commands for them.
    /// </summary>
    public MqttAssessmentPublisher(MqttOptions options, MonitorMqttCredentials credentials, string outboxPath, ILogger<MqttAssessmentPublisher>? logger = null,
        TimeProvider? time = null, IEnumerable<string>? beds = null, BedAlarmControls? alarms = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _topics = new MqttTopics(options.TopicPrefix);
        _outbox = new SqliteOutbox(outboxPath, options.OutboxCapacity, logger);
        try
        {
            _lastSeq = new Dictionary<string, long>(_outbox.LastSeqs(), StringComparer.Ordinal);
            _link = new ReliableMqttPublisher(options, credentials, _outbox, _topics.Available(options.InstanceId), logger, time);
            EndLeftOpenEpisodes(time.GetUtcNow());
            SetUpClaims(beds ?? [], time);
            if (alarms is not null) SetUpCommands(alarms);
        }
        catch
        {
            _outbox.Dispose();
            throw;
        }
    }

    /// <summary>The serving model (retained, QoS 1) through the outbox; <c>seq</c> is numbered here, on from the last stored.</summary>
    public Task PublishModelAsync(ModelMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Store(OutboxKind.Status, _topics.Monitor(_options.InstanceId, MonitorTopicKind.Model), seq => message with { MonitorId = _options.InstanceId, Seq = seq }, retain: true);
        return Task.CompletedTask;
    }

    /// <summary>The connection, for features that add their own announcements and subscriptions before start (Home Assistant discovery).</summary>
    internal ReliableMqttPublisher Link => _link;

    /// <summary>The options this publisher runs with.</summary>
    internal MqttOptions Options => _options;

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
        return _link.PublishBestEffortAsync(_topics.Stats(_options.InstanceId), MqttJson.Serialize(message), 0, retain: false, ct);
    }

    /// <inheritdoc />
    public Task PublishStateAsync(BedStateMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.State, _topics.State(message.BedId), seq => message with { Seq = seq }, retain: true);
    }

    /// <inheritdoc />
    public Task PublishAlertAsync(AlertEventMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.Alert, _topics.Alert(message.BedId), seq => message with { Seq = seq }, retain: false,
            new OutboxEpisode(message.EpisodeId, Open: message.Event != AlertEventKind.End));
    }

    /// <inheritdoc />
    public Task PublishStatusAsync(BedStatusMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Durable(OutboxKind.Status, _topics.Status(message.BedId), seq => message with { Seq = seq }, retain: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _link.DisposeAsync();
        _outbox.Dispose();
    }

    private Task Durable(OutboxKind kind, string topic, Func<long, IMqttMessage> numbered, bool retain, OutboxEpisode? episode = null)
    {
        try
        {
            Store(kind, topic, numbered, retain, episode);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // Async contract: the caller observes the failure on the task (and logs it) instead of its pipeline throwing.
            return Task.FromException(ex);
        }
    }

    // Numbered under one lock with the write, so a topic's seq follows the outbox order; a seq is used up only when stored.
    private void Store(OutboxKind kind, string topic, Func<long, IMqttMessage> numbered, bool retain, OutboxEpisode? episode = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_seqGate)
        {
            long seq = _lastSeq.GetValueOrDefault(topic) + 1;
            var entry = new OutboxMessage(kind, topic, MqttJson.Serialize(numbered(seq)), 1, retain) { Seq = seq, Episode = episode };
            if (_link.Enqueue(entry)) _lastSeq[topic] = seq;
        }
    }
}
