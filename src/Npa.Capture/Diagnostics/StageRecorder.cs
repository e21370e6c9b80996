using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Npa.Capture.Diagnostics;

/// <summary>Listens to one <see cref="CaptureMetrics"/> instance's stage-duration histogram and keeps every sample per stage (for benches and tests).</summary>
public sealed class StageRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _samples = new(StringComparer.Ordinal);

    public StageRecorder(CaptureMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == CaptureMetrics.StageDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                {
                    _samples.GetOrAdd(stage, _ => new ConcurrentQueue<double>()).Enqueue(value);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Durations in ms recorded for <paramref name="stage"/> (the lower-case tag, e.g. "detect").</summary>
    public IReadOnlyList<double> Samples(string stage) => _samples.TryGetValue(stage, out ConcurrentQueue<double>? q) ? q.ToArray() : [];

    /// <summary>Stages seen so far.</summary>
    public IReadOnlyCollection<string> Stages => _samples.Keys.ToArray();

    public void Clear() => _samples.Clear();

    public void Dispose() => _listener.Dispose();
}
