using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Npa.Capture.Sources;

/// <summary>Resubscribes a failing stream after growing, jittered delays on an injected scheduler: the one reconnect loop of a bed.</summary>
public static class RetryWithBackoffExtensions
{
    /// <summary>
    /// On error, waits <see cref="Backoff.Next"/> on <paramref name="scheduler"/> and subscribes to <paramref name="source"/>
    /// again; an item arriving starts the delays over (<see cref="Backoff.Reset"/>). <paramref name="retrying"/> hears each
    /// error with the delay before the next attempt. Completion ends the stream; disposing cancels a pending attempt.
    /// Ownership: items pass through untouched, so the subscriber owns them.
    /// </summary>
    public static IObservable<T> RetryWithBackoff<T>(this IObservable<T> source, BackoffOptions options, IScheduler scheduler, Random random, Action<Exception, TimeSpan>? retrying = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        // Validates the options now, when the chain is built, rather than at the first failure.
        _ = new Backoff(options, random);
        return Observable.Create<T>(observer =>
        {
            var backoff = new Backoff(options, random);
            var current = new SerialDisposable();
            void Attempt()
            {
                // A fresh holder per attempt: a source that fails inside Subscribe has already scheduled the next attempt,
                // and assigning its subscription afterwards must not cancel that.
                var attempt = new SingleAssignmentDisposable();
                current.Disposable = attempt;
                attempt.Disposable = source.Subscribe(
                    item =>
                    {
                        backoff.Reset();
                        observer.OnNext(item);
                    },
                    error =>
                    {
                        TimeSpan delay = backoff.Next();
                        retrying?.Invoke(error, delay);
                        current.Disposable = scheduler.Schedule(delay, Attempt);
                    },
                    observer.OnCompleted);
            }

            Attempt();
            return current;
        });
    }
}
