using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Hosting;
using Npa.Monitor.Metrics;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Pipeline;
using Npa.Shared.Messages;

namespace Npa.Monitor.Publishing;

/// <summary>
/// Sends each bed's results to MQTT: every assessment (best effort), the retained state when it changes (or its score
/// moves, or at least every <see cref="StateRefresh"/>), the retained status when it changes, and every alert event.
/// </summary>
public sealed class MqttBedOutput(IAssessmentPublisher publisher, IOptions<AlertsOptions> alerts, IOptions<MqttOptions> mqtt, ILogger<MqttBedOutput> logger) : IBedOutput, IStatsOutput
{
    private readonly ReadingGate _gate = ReadingGate.From(alerts.Value);
    /// <summary>Longest time between two retained state messages of a bed with a score.</summary>
    public static readonly TimeSpan StateRefresh = TimeSpan.FromSeconds(10);

    private const double ScoreStep = 0.5;
    private readonly ConcurrentDictionary<string, BedSequence> _beds = new(StringComparer.Ordinal);
    private long _statsSeq;

    public async ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        // Only scored frames have an assessment; the others show in the bed's state and status.
        if (!assessed.IsScored) return;
        var bed = Bed(assessed.Frame.BedId);
        await publisher.PublishAssessmentAsync(MqttMessages.Assessment(assessed, Interlocked.Increment(ref bed.Assessments), _gate), ct).ConfigureAwait(false);
    }

    public void OnUpdate(BedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var s = update.Snapshot;
        var bed = Bed(s.BedId);
        // Alerts first: a receiver sees the episode start before the state that shows it.
        foreach (var e in update.Events) Observe(publisher.PublishAlertAsync(MqttMessages.Alert(e)), "alert");
        var status = MqttMessages.StatusOf(s);
        lock (bed)
        {
            if (bed.Status != status)
            {
                bed.Status = status;
                Observe(publisher.PublishStatusAsync(MqttMessages.Status(s, ++bed.StatusSeq)), "status");
            }
            bool moved = s.Score is double score && (bed.Score is not double last || Math.Abs(score - last) >= ScoreStep || s.Time - bed.StateAt >= StateRefresh);
            if (bed.StateSeq == 0 || update.StateChanged || moved)
            {
                bed.Score = s.Score;
                bed.StateAt = s.Time;
                Observe(publisher.PublishStateAsync(MqttMessages.State(s, ++bed.StateSeq)), "state");
            }
        }
    }

    public void OnStats(MonitorStats stats) =>
        Observe(publisher.PublishStatsAsync(MqttMessages.Stats(stats, Interlocked.Increment(ref _statsSeq), mqtt.Value.InstanceId)), "stats");

    private BedSequence Bed(string id) => _beds.GetOrAdd(id, _ => new BedSequence());

    private void Observe(Task task, string what)
    {
        if (task.IsCompletedSuccessfully) return;
        task.ContinueWith(t => logger.LogError(t.Exception, "MQTT {What} message could not be queued", what),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private sealed class BedSequence
    {
        public long Assessments;
        public long StateSeq;
        public long StatusSeq;
        public BedStatus? Status;
        public double? Score;
        public DateTimeOffset StateAt;
    }
}
