using System.Diagnostics;
using System.Reactive.Linq;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;

namespace Npa.Capture.Pipeline;

/// <summary>The face-detection stage as an Rx operator.</summary>
public static class DetectFacesExtensions
{
    /// <summary>
    /// Runs <paramref name="detector"/> on each frame and picks one face (through <paramref name="tracker"/> when given,
    /// else the most confident). Frames without a face pass on with a null face, so that the gate counts them.
    /// Ownership: each incoming <see cref="Frame"/> moves into the emitted <see cref="DetectedFrame"/>; if detection
    /// throws, the frame is disposed here and the error is forwarded.
    /// </summary>
    public static IObservable<DetectedFrame> DetectFaces(this IObservable<Frame> frames, IFaceDetector detector, FaceTracker? tracker = null, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(detector);
        return Observable.Create<DetectedFrame>(observer => frames.Subscribe(
            frame =>
            {
                FaceDetection? face;
                try
                {
                    long start = Stopwatch.GetTimestamp();
                    IReadOnlyList<FaceDetection> candidates = detector.Detect(frame.Image);
                    face = tracker is not null ? tracker.Update(candidates) : candidates.MaxBy(c => c.Score);
                    metrics?.RecordStage(CaptureStage.Detect, frame.BedId, Stopwatch.GetElapsedTime(start));
                }
                catch (Exception ex)
                {
                    frame.Dispose();
                    observer.OnError(ex);
                    return;
                }

                observer.OnNext(new DetectedFrame(frame, face));
            },
            observer.OnError,
            observer.OnCompleted));
    }
}
