using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Npa.Monitor.Pipeline;

/// <summary>Tells a camera that answers from one that stays silent.</summary>
internal static class WatchCameraExtensions
{
    /// <summary>
    /// Per subscription (each camera open): <paramref name="firstItem"/> on the first item, <paramref name="silent"/> when
    /// none has come within <paramref name="silentAfter"/> on <paramref name="scheduler"/> (a wrong URL or an unplugged
    /// camera does not fail, it just stays silent). Items pass through untouched.
    /// </summary>
    public static IObservable<T> WatchCamera<T>(this IObservable<T> items, TimeSpan silentAfter, IScheduler scheduler, Action firstItem, Action silent) =>
        Observable.Create<T>(observer =>
        {
            // 0: waiting, 1: items arrived, 2: reported silent (a later item still reports the first one).
            int state = 0;
            var timer = scheduler.Schedule(silentAfter, () =>
            {
                if (Interlocked.CompareExchange(ref state, 2, 0) == 0) silent();
            });
            var upstream = items.Subscribe(
                item =>
                {
                    if (Interlocked.Exchange(ref state, 1) != 1)
                    {
                        timer.Dispose();
                        firstItem();
                    }
                    observer.OnNext(item);
                },
                error =>
                {
                    timer.Dispose();
                    observer.OnError(error);
                },
                () =>
                {
                    timer.Dispose();
                    observer.OnCompleted();
                });
            return new CompositeDisposable(timer, upstream);
        });
}
