using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Sources;

namespace Npa.Capture.Tests.Sources;

public sealed class RetryWithBackoff_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BackoffOptions NoJitter = new() { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(5), Multiplier = 2, Jitter = 0 };

    [Fact]
    public void Failures_Are_Retried_After_Growing_Capped_Delays_On_The_Scheduler()
    {
        var scheduler = new HistoricalScheduler(Start);
        var subscribed = new List<double>();
        var retries = new List<(string Message, double Delay)>();
        var source = Observable.Defer(() =>
        {
            subscribed.Add((scheduler.Now - Start).TotalSeconds);
            return Observable.Throw<int>(new IOException("refused"));
        });
        using var _ = source.RetryWithBackoff(NoJitter, scheduler, new Random(1), (e, d) => retries.Add((e.Message, d.TotalSeconds))).Subscribe();

        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(20));

        Assert.Equal([0.0, 1, 3, 7, 12, 17], subscribed);
        Assert.Equal([1.0, 2, 4, 5, 5, 5], retries.Select(r => r.Delay));
        Assert.All(retries, r => Assert.Equal("refused", r.Message));
    }

    [Fact]
    public void An_Item_Restarts_The_Delays_And_Completion_Ends_The_Stream()
    {
        var scheduler = new HistoricalScheduler(Start);
        int attempt = 0;
        var subscribed = new List<double>();
        var source = Observable.Defer(() =>
        {
            subscribed.Add((scheduler.Now - Start).TotalSeconds);
            return ++attempt switch
            {
                1 or 2 => Observable.Throw<int>(new IOException("down")),
                3 => Observable.Return(attempt).Concat(Observable.Throw<int>(new IOException("dropped"))),
                4 => Observable.Throw<int>(new IOException("down")),
                _ => Observable.Return(attempt),
            };
        });
        var items = new List<int>();
        bool completed = false;
        using var _ = source.RetryWithBackoff(NoJitter, scheduler, new Random(1)).Subscribe(items.Add, () => completed = true);

        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(30));

        // 1 s, 2 s, an item (reset), then 1 s and 2 s again.
        Assert.Equal([0.0, 1, 3, 4, 6], subscribed);
        Assert.Equal([3, 5], items);
        Assert.True(completed);
    }

    [Fact]
    public void Disposing_Cancels_The_Pending_Attempt()
    {
        var scheduler = new HistoricalScheduler(Start);
        int subscriptions = 0;
        var source = Observable.Defer(() =>
        {
            subscriptions++;
            return Observable.Throw<int>(new IOException("down"));
        });
        var subscription = source.RetryWithBackoff(NoJitter, scheduler, new Random(1)).Subscribe();

        subscription.Dispose();
        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(30));

        Assert.Equal(1, subscriptions);
    }

    [Fact]
    public void Invalid_Options_Fail_When_The_Chain_Is_Built()
    {
        var e = Assert.Throws<ArgumentException>(() => Observable.Never<int>().RetryWithBackoff(new BackoffOptions { Multiplier = 0.5 }, Scheduler.Immediate, new Random(1)));

        Assert.Contains("Reconnect.Multiplier must be a finite number ≥ 1", e.Message);
    }
}
