using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Metrics;

/// <summary>Turns running counters into rates by differencing successive samples.</summary>
public sealed class StatsSampler
{
    private readonly IReadOnlyList<BedCounters> _beds;
    private readonly Func<(long Batches, long Items, double Ms, int Depth, string ModelId)> _inference;
    private readonly DateTimeOffset _started;
    private readonly Dictionary<string, (long Frames, long Assessed, long Skipped, double LatencyMs)> _lastBeds = [];
    private (long Batches, long Items, double Ms) _lastInference;
    private DateTimeOffset _last;

    public StatsSampler(IReadOnlyList<BedCounters> beds, Func<(long Batches, long Items, double Ms, int Depth, string ModelId)> inference, DateTimeOffset started)
    {
        _beds = beds ?? throw new ArgumentNullException(nameof(beds));
        _inference = inference ?? throw new ArgumentNullException(nameof(inference));
        _started = started;
        _last = started;
    }

    /// <summary>Rates since the previous call (or since start).</summary>
    public MonitorStats Sample(DateTimeOffset now)
    {
        double seconds = Math.Max(1e-3, (now - _last).TotalSeconds);
        var rates = new List<BedRates>(_beds.Count);
        foreach (var c in _beds)
        {
            var cur = (c.CameraFrames, c.Assessed, c.Skipped, c.LatencyMilliseconds);
            var prev = _lastBeds.GetValueOrDefault(c.BedId);
            long assessed = cur.Assessed - prev.Assessed;
            rates.Add(new BedRates(c.BedId,
                (cur.CameraFrames - prev.Frames) / seconds,
                assessed / seconds,
                (cur.Skipped - prev.Skipped) / seconds,
                assessed > 0 ? (cur.LatencyMilliseconds - prev.LatencyMs) / assessed : 0,
                c.Flagged));
            _lastBeds[c.BedId] = cur;
        }
        var inf = _inference();
        long batches = inf.Batches - _lastInference.Batches;
        double ms = batches > 0 ? (inf.Ms - _lastInference.Ms) / batches : 0;
        double batchSize = batches > 0 ? (double)(inf.Items - _lastInference.Items) / batches : 0;
        _lastInference = (inf.Batches, inf.Items, inf.Ms);
        _last = now;
        return new MonitorStats(now, now - _started, rates, ms, batchSize, inf.Depth, inf.ModelId);
    }
}
