using Npa.Monitor.Publishing;

namespace Npa.Monitor.Pipeline;

/// <summary>The flagging stage as an Rx operator.</summary>
public static class FlagFramesExtensions
{
    /// <summary>
    /// Replaces each scored frame by what <paramref name="stage"/> returns (marked flagged when kept for relabeling); without
    /// a stage frames pass unchanged. Ownership: the frame's crop passes on to the subscriber.
    /// </summary>
    public static IObservable<AssessedFrame> FlagFrames(this IObservable<AssessedFrame> frames, FlaggingStage? stage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return stage is null ? frames : frames.SelectInOrder(f => stage.FlagAsync(f, ct));
    }
}
