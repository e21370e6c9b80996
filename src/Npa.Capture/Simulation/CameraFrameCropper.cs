using System.Reactive.Linq;
using Npa.Capture.Configuration;
using Npa.Capture.Detection;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// Renders a scene as a full camera frame and sends it through the bedside capture chain
/// (<c>DetectFaces → CropFaces → GateQuality</c>, the operators the Monitor runs). Not thread-safe: one per thread.
/// </summary>
public sealed class CameraFrameCropper : IDisposable
{
    private readonly CaptureOptions _capture;
    private readonly IFaceDetector _detector;
    private int _disposed;

    public CameraFrameCropper(CaptureOptions capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        string[] problems = capture.Validate().ToArray();
        if (problems.Length > 0) throw new ArgumentException(string.Join(" ", problems), nameof(capture));
        _capture = capture;
        _detector = capture.Detector.CreateDetector();
    }

    /// <summary>
    /// The accepted crop of <paramref name="spec"/> rendered on <paramref name="canvas"/> (the caller owns it), or null with
    /// the gate's reasons when the bedside would not have scored this frame.
    /// </summary>
    public (Mat? Crop, QualityReasons Refused) Cut(FaceSceneSpec spec, Size canvas)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentNullException.ThrowIfNull(spec);
        Mat image;
        using (var rendered = NeonateFaceRenderer.Render(spec, canvas)) image = rendered.DetachImage();
        return Cut(new Frame("synth", 0, DateTimeOffset.UnixEpoch, image));
    }

    /// <summary>As <see cref="Cut(FaceSceneSpec, Size)"/> for a frame already rendered or captured; takes ownership of <paramref name="frame"/>.</summary>
    public (Mat? Crop, QualityReasons Refused) Cut(Frame frame)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentNullException.ThrowIfNull(frame);
        var refused = QualityReasons.None;
        var rejections = System.Reactive.Observer.Create<QualityRejection>(r => refused = r.Reasons);
        FaceCrop? accepted = null;
        // A fresh tracker per image: a still image has no history to follow.
        using var subscription = Observable.Return(frame)
            .DetectFaces(_detector, new FaceTracker(_capture.Detector.Tracker))
            .CropFaces(_capture.Crop)
            .GateQuality(_capture.Quality, rejections)
            .Subscribe(c => accepted = c);
        if (accepted is null) return (null, refused);
        using (accepted) return (accepted.Image.Clone(), QualityReasons.None);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _detector.Dispose();
    }
}
