using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Configuration;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Sampling;
using Npa.Monitor.ModelSwap;
using OpenCvSharp;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// A bed's front end as one chain of Npa.Capture's operators, <c>camera.SampleLatest(rate).DetectFaces(detector,
/// tracker).CropFaces(spec).GateQuality(rules)</c>, plus preprocessing with the serving model's spec. Gate refusals
/// become no-face / low-quality frames in the same stream, in order. Owns the camera source and the detector.
/// </summary>
public sealed class CaptureFrontEnd : IBedFrontEnd
{
    private readonly IFrameSource _source;
    private readonly CaptureOptions _options;
    private readonly IFaceDetector _detector;
    private readonly ModelHolder _models;
    private int _disposed;

    /// <param name="cameraFps">The camera's pace when known before it opens (<see cref="Npa.Capture.Sources.CameraOptions.PacedFps"/>); null: as fast as the assessment rate.</param>
    public CaptureFrontEnd(IFrameSource source, CaptureOptions options, ModelHolder models, IScheduler scheduler, CaptureMetrics? metrics = null, double? cameraFps = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _models = models ?? throw new ArgumentNullException(nameof(models));
        ArgumentNullException.ThrowIfNull(scheduler);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        FramesPerSecond = Math.Min(cameraFps ?? double.PositiveInfinity, options.AssessmentRateHz);
        _detector = options.Detector.CreateDetector();
        Frames = Observable.Create<PreparedFrame>(observer =>
        {
            // A reopened camera starts tracking afresh.
            var tracker = new FaceTracker(_options.Detector.Tracker);
            var refused = Observer.Create<QualityRejection>(r => observer.OnNext(Refused(r)));
            return _source.Frames
                .SampleLatest(_options.AssessmentRateHz, scheduler, metrics)
                .DetectFaces(_detector, tracker, metrics)
                .CropFaces(_options.Crop, metrics)
                .GateQuality(_options.Quality, refused, metrics)
                .Select(Prepare)
                .Subscribe(observer);
        });
    }

    public string BedId => _source.BedId;

    public IObservable<PreparedFrame> Frames { get; }

    public double FramesPerSecond { get; }

    public IObservable<CameraStatus> Status => _source.Status;

    private PreparedFrame Prepare(FaceCrop crop)
    {
        using (crop)
        {
            var face = crop.Face!;
            var box = new Rect((int)Math.Round(face.Box.X), (int)Math.Round(face.Box.Y), (int)Math.Round(face.Box.Width), (int)Math.Round(face.Box.Height));
            float[] input = CropPreprocessor.Preprocess(crop.Image, _models.Current.Preprocess);
            // The flagged-frame store may keep the crop after the FaceCrop is gone, so the frame gets its own copy.
            var keep = crop.Image.Clone();
            return PreparedFrame.Ready(crop.BedId, crop.Sequence, crop.Timestamp, input, keep, box, face.Score, crop.Quality);
        }
    }

    private static PreparedFrame Refused(QualityRejection r)
    {
        if (r.Reasons.HasFlag(QualityReasons.NoFace)) return PreparedFrame.NoFace(r.BedId, r.Sequence, r.Timestamp);
        string reason = string.Join(",", Enum.GetValues<QualityReasons>()
            .Where(q => q != QualityReasons.None && r.Reasons.HasFlag(q))
            .Select(q => q.ToString().ToLowerInvariant()));
        return PreparedFrame.LowQuality(r.BedId, r.Sequence, r.Timestamp, default, r.Quality, reason);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // The camera first, so that no new frame reaches the detector; then the detector, which waits for one in flight.
        (_source as IDisposable)?.Dispose();
        _detector.Dispose();
    }
}
