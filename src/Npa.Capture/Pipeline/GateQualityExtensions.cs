using System.Reactive.Linq;
using Npa.Capture.Diagnostics;
using Npa.Capture.Quality;

namespace Npa.Capture.Pipeline;

/// <summary>The quality gate as an Rx operator.</summary>
public static class GateQualityExtensions
{
    /// <summary>
    /// Passes crops that meet <paramref name="rules"/>. Every refused crop is reported to <paramref name="rejections"/>
    /// with its reason codes (<see cref="QualityReasons.NoFace"/> when there was no face) and counted in
    /// <paramref name="metrics"/>; nothing is dropped silently.
    /// Ownership: accepted crops go to the subscriber, which disposes them; this stage disposes refused ones after reporting.
    /// </summary>
    public static IObservable<FaceCrop> GateQuality(this IObservable<FaceCrop> crops, QualityRules rules, IObserver<QualityRejection>? rejections = null, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(crops);
        ArgumentNullException.ThrowIfNull(rules);
        string[] problems = rules.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(rules));
        }

        return Observable.Create<FaceCrop>(observer => crops.Subscribe(
            crop =>
            {
                QualityReasons reasons = crop.Quality is { } quality ? rules.Evaluate(quality) : QualityReasons.NoFace;
                if (reasons == QualityReasons.None)
                {
                    metrics?.Accepted(crop.BedId);
                    observer.OnNext(crop);
                    return;
                }

                using (crop)
                {
                    metrics?.Rejected(crop.BedId, reasons);
                    rejections?.OnNext(new QualityRejection(crop.BedId, crop.Sequence, crop.Timestamp, reasons, crop.Quality));
                }
            },
            observer.OnError,
            observer.OnCompleted));
    }
}
