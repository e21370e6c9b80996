using Npa.Monitor.Inference;

namespace Npa.Monitor.Pipeline;

/// <summary>A scored frame on its way to the outputs. Outputs run in order; an earlier one (flagging) may mark it flagged.</summary>
public sealed class AssessedFrame
{
    public AssessedFrame(PreparedFrame frame, InferenceResult result, DateTimeOffset time, double latencyMs, double alphaThreshold)
    {
        AlphaThreshold = alphaThreshold;
        Frame = frame ?? throw new ArgumentNullException(nameof(frame));
        Result = result ?? throw new ArgumentNullException(nameof(result));
        Time = time;
        LatencyMs = latencyMs;
    }

    /// <summary>The frame; its crop lives until every output has returned.</summary>
    public PreparedFrame Frame { get; }

    public InferenceResult Result { get; }

    /// <summary>When the result arrived.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>From taking the frame off the bed's queue to the result.</summary>
    public double LatencyMs { get; }

    /// <summary>The serving model manifest's α threshold between groups H and L.</summary>
    public double AlphaThreshold { get; }

    /// <summary>Set by the flagging output when the frame was kept for relabeling.</summary>
    public bool Flagged { get; set; }
}
