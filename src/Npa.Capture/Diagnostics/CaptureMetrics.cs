using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Npa.Capture.Quality;

namespace Npa.Capture.Diagnostics;

/// <summary>
/// The capture pipeline's instruments on the <c>Npa.Capture</c> meter (stage durations in ms, frame outcomes,
/// rejection reasons) plus per-bed <see cref="BedCounters"/>. One instance per process, shared by all beds.
/// </summary>
public sealed class CaptureMetrics : IDisposable
{
    /// <summary>Name of the meter; exporters (prometheus-net in the Monitor) subscribe to it.</summary>
    public const string MeterName = "Npa.Capture";

    /// <summary>Histogram of per-frame stage durations in ms, tagged <c>stage</c> and <c>bed</c>.</summary>
    public const string StageDurationName = "npa.capture.stage.duration";

    private readonly Meter _meter;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _rejections;
    private readonly ConcurrentDictionary<string, BedCounters> _beds = new(StringComparer.Ordinal);

    public CaptureMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _stageDuration = _meter.CreateHistogram<double>(StageDurationName, "ms", "Time spent in one capture stage per frame.");
        _frames = _meter.CreateCounter<long>("npa.capture.frames", "{frame}", "Frames per bed and outcome (captured, assessed, skipped, accepted, rejected, undecodable).");
        _rejections = _meter.CreateCounter<long>("npa.capture.rejections", "{frame}", "Quality-gate rejections per bed and reason.");
    }

    /// <summary>The meter all instruments live on.</summary>
    public Meter Meter => _meter;

    /// <summary>Counters of one bed, created on first use.</summary>
    public BedCounters For(string bedId) => _beds.GetOrAdd(bedId, static id => new BedCounters(id));

    /// <summary>Snapshot of all beds seen so far.</summary>
    public IReadOnlyCollection<BedCounters> Beds => _beds.Values.ToArray();

    public void RecordStage(CaptureStage stage, string bedId, TimeSpan elapsed) =>
        _stageDuration.Record(elapsed.TotalMilliseconds, new("stage", StageTag(stage)), new("bed", bedId));

    internal void Captured(string bedId)
    {
        For(bedId).AddCaptured();
        _frames.Add(1, new("bed", bedId), new("outcome", "captured"));
    }

    internal void Assessed(string bedId)
    {
        For(bedId).AddAssessed();
        _frames.Add(1, new("bed", bedId), new("outcome", "assessed"));
    }

    internal void Skipped(string bedId)
    {
        For(bedId).AddSkipped();
        _frames.Add(1, new("bed", bedId), new("outcome", "skipped"));
    }

    internal void Accepted(string bedId)
    {
        For(bedId).AddAccepted();
        _frames.Add(1, new("bed", bedId), new("outcome", "accepted"));
    }

    internal void Undecodable(string bedId)
    {
        For(bedId).AddUndecodable();
        _frames.Add(1, new("bed", bedId), new("outcome", "undecodable"));
    }

    internal void Rejected(string bedId, QualityReasons reasons)
    {
        For(bedId).AddRejected();
        _frames.Add(1, new("bed", bedId), new("outcome", "rejected"));
        foreach (QualityReasons reason in Enum.GetValues<QualityReasons>())
        {
            if (reason != QualityReasons.None && reasons.HasFlag(reason))
            {
                _rejections.Add(1, new("bed", bedId), new("reason", reason.ToString()));
            }
        }
    }

    public void Dispose() => _meter.Dispose();

    private static string StageTag(CaptureStage stage) => stage switch
    {
        CaptureStage.Decode => "decode",
        CaptureStage.Detect => "detect",
        CaptureStage.Crop => "crop",
        CaptureStage.Quality => "quality",
        CaptureStage.Preprocess => "preprocess",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown capture stage"),
    };
}
