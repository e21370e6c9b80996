using Npa.Monitor.Aggregation;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Replay;

/// <summary>
/// An output that notes every sampled frame, scored or not. MQTT publishes only scored frames; the replay needs the
/// others too, to tell an occluded frame the bed reported as faceless from one the sampler never took.
/// </summary>
public sealed class SampledFrameLog : IBedOutput
{
    private readonly Lock _gate = new();
    private readonly List<SampledFrame> _frames = [];

    public IReadOnlyList<SampledFrame> Frames
    {
        get { lock (_gate) return [.. _frames]; }
    }

    public ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        var f = assessed.Frame;
        lock (_gate) _frames.Add(new SampledFrame(f.BedId, f.Sequence, f.Timestamp, f.Outcome));
        return ValueTask.CompletedTask;
    }

    public void OnUpdate(BedUpdate update)
    {
    }
}
