using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Npa.Capture.Configuration;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Quality;
using Npa.Capture.Sampling;

namespace Npa.Capture.Pipeline;

/// <summary>
/// One bed's chain <c>frames.SampleLatest(rate).DetectFaces(detector).CropFaces(spec).GateQuality(rules)</c>. Owns the
/// bed's detector and tracker; subscribe to <see cref="Crops"/> once. Subscribers own (dispose) each accepted crop.
/// </summary>
public sealed class CaptureChain : IDisposable
{
    private readonly IFaceDetector _detector;
    private readonly Subject<QualityRejection> _rejections = new();
    private bool _disposed;

    public CaptureChain(IFrameSource source, CaptureOptions options, IScheduler scheduler, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        BedId = source.BedId;
        _detector = options.Detector.CreateDetector();
        var tracker = new FaceTracker(options.Detector.Tracker);
        Crops = source.Frames
            .SampleLatest(options.AssessmentRateHz, scheduler, metrics)
            .DetectFaces(_detector, tracker, metrics)
            .CropFaces(options.Crop, metrics)
            .GateQuality(options.Quality, _rejections, metrics);
    }

    public string BedId { get; }

    /// <summary>Accepted face crops at the assessment rate.</summary>
    public IObservable<FaceCrop> Crops { get; }

    /// <summary>Every frame the gate refused, with its reasons (no face, too small, blurry, exposure, low score).</summary>
    public IObservable<QualityRejection> Rejections => _rejections;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _rejections.OnCompleted();
        _rejections.Dispose();
        _detector.Dispose();
    }
}
