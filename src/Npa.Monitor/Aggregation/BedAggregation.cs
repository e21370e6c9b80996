using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace Npa.Monitor.Aggregation;

/// <summary>Rx operator running a <see cref="BedAggregator"/> over a bed's observations plus a clock tick.</summary>
public static class BedAggregation
{
    /// <summary>
    /// Applies each observation, and a <see cref="ObservationKind.Tick"/> every <paramref name="tick"/> on
    /// <paramref name="scheduler"/> so timeouts fire even when no frames arrive.
    /// </summary>
    public static IObservable<BedUpdate> AggregateBed(this IObservable<BedObservation> observations, BedAggregator aggregator, TimeSpan tick, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        // Merge serializes its output, so the aggregator sees one observation at a time; ticks stop when the input ends.
        return observations.Publish(input => input.Merge(
                Observable.Interval(tick, scheduler)
                    .Select(_ => BedObservation.Tick(scheduler.Now))
                    .TakeUntil(input.LastOrDefaultAsync())))
            .Select(aggregator.Apply);
    }
}
