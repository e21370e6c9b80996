using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Npa.Monitor.Pipeline;

/// <summary>Batched inference across beds as an Rx operator.</summary>
public static class ScoreBatchedExtensions
{
    /// <summary>
    /// Scores each ready frame in a batch shared with the other beds' chains on <paramref name="batcher"/>, and passes
    /// frames without a face through in order. While the bed's previous frame is still in a batch, only the newest
    /// frame waits: older ones are disposed and reported to <paramref name="skipped"/>.
    /// Ownership: the batcher owns each frame from arrival; the subscriber owns the emitted <see cref="AssessedFrame"/>'s frame.
    /// </summary>
    public static IObservable<AssessedFrame> ScoreBatched(this IObservable<PreparedFrame> frames, InferenceBatcher batcher, string bedId, Action? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(batcher);
        return Observable.Create<AssessedFrame>(observer =>
        {
            var lane = batcher.Join(bedId, observer, frame =>
            {
                frame.Dispose();
                skipped?.Invoke();
            });
            var upstream = frames.Subscribe(
                frame => batcher.Submit(lane, frame),
                error =>
                {
                    batcher.Leave(lane);
                    observer.OnError(error);
                },
                () => batcher.Complete(lane));
            return Disposable.Create(() =>
            {
                upstream.Dispose();
                batcher.Leave(lane);
            });
        });
    }
}
