using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;

namespace Npa.Monitor.Pipeline;

/// <summary>Async steps inside an Rx chain, one item at a time and in order.</summary>
internal static class InOrderExtensions
{
    /// <summary>
    /// Runs <paramref name="step"/> on each item after the previous one finished. A step that completes synchronously
    /// (in-memory outputs, replay) emits at once on the caller's thread, so virtual time stays deterministic.
    /// </summary>
    public static IObservable<TOut> SelectInOrder<TIn, TOut>(this IObservable<TIn> source, Func<TIn, ValueTask<TOut>> step) =>
        source.Select(item =>
        {
            var pending = step(item);
            return pending.IsCompletedSuccessfully ? Observable.Return(pending.Result) : pending.AsTask().ToObservable();
        }).Concat();
}
