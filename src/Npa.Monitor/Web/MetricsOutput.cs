using Npa.Monitor.Aggregation;
using Npa.Monitor.Hosting;
using Npa.Monitor.Metrics;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Web;

/// <summary>Keeps the gauges of /metrics current.</summary>
public sealed class MetricsOutput(MonitorMetrics metrics) : IBedOutput, IStatsOutput
{
    public ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default) => ValueTask.CompletedTask;

    public void OnUpdate(BedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        metrics.RecordBed(update.Snapshot.BedId, update.Snapshot.Score, update.Snapshot.Episode is not null);
    }

    public void OnStats(MonitorStats stats) => metrics.Record(stats);
}
