using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Npa.Monitor.Pipeline;

/// <summary>Puts a <see cref="CameraWatch"/> on a bed's frames.</summary>
internal static class WatchCameraExtensions
{
    /// <summary>
    /// Starts <paramref name="watch"/> on subscription and tells it of each item; stops it when the stream ends or is
    /// disposed, so an ended source is not reported silent as well. Place it after the reconnect loop: each reconnect
    /// attempt is a new subscription below it, and the silence clock must not start over with each. Items pass through
    /// untouched (the subscriber owns them).
    /// </summary>
    public static IObservable<T> WatchCamera<T>(this IObservable<T> items, CameraWatch watch) =>
        Observable.Create<T>(observer =>
        {
            watch.Start();
            var upstream = items.Subscribe(
                item =>
                {
                    watch.Frame();
                    observer.OnNext(item);
                },
                error =>
                {
                    watch.Dispose();
                    observer.OnError(error);
                },
                () =>
                {
                    watch.Dispose();
                    observer.OnCompleted();
                });
            return new CompositeDisposable(upstream, watch);
        });
}
