using Npa.Monitor.Inference;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// One sampled frame after the model: scored (<see cref="Result"/> set) or not assessable (no face, low quality; the
/// frame's <see cref="PreparedFrame.Outcome"/> says which). A value: stages return changed copies
/// (<c>frame with { Flagged = true }</c>) instead of setting fields another stage reads.
/// </summary>
/// <param name="Frame">The frame; it owns the crop, which the bed's chain disposes after the outputs are done.</param>
/// <param name="Result">The model's output; null when nothing was scored.</param>
/// <param name="Time">When the result arrived, on the chain's clock.</param>
/// <param name="LatencyMs">From handing the frame to the batcher to the result, on the chain's clock.</param>
/// <param name="AlphaThreshold">The serving model manifest's α threshold between groups H and L.</param>
public sealed record AssessedFrame(PreparedFrame Frame, InferenceResult? Result, DateTimeOffset Time, double LatencyMs, double AlphaThreshold)
{
    /// <summary>True when the flagging stage kept the frame for relabeling.</summary>
    public bool Flagged { get; init; }

    /// <summary>True when the model scored the frame.</summary>
    public bool IsScored => Result is not null;

    /// <summary>A frame that reached the end of the chain without a score.</summary>
    public static AssessedFrame NotScored(PreparedFrame frame, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new AssessedFrame(frame, null, time, 0, 0);
    }
}
