using System.Diagnostics;
using System.Reactive.Linq;
using Npa.Capture.Cropping;
using Npa.Capture.Diagnostics;
using Npa.Capture.Quality;
using OpenCvSharp;

namespace Npa.Capture.Pipeline;

/// <summary>The crop-and-measure stage as an Rx operator.</summary>
public static class CropFacesExtensions
{
    /// <summary>
    /// Cuts the square crop of each detected face (<see cref="SquareCrop"/>) and measures its quality.
    /// Ownership: this stage disposes every incoming <see cref="DetectedFrame"/> (the crop is a copy) and hands a new
    /// <see cref="FaceCrop"/>, which owns its crop Mat, to the subscriber. Frames without a face become crops without an image.
    /// </summary>
    public static IObservable<FaceCrop> CropFaces(this IObservable<DetectedFrame> detected, CropSpec spec, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(spec);
        string[] problems = spec.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(spec));
        }

        return Observable.Create<FaceCrop>(observer => detected.Subscribe(
            item =>
            {
                FaceCrop crop;
                try
                {
                    using (item)
                    {
                        crop = Crop(item, spec, metrics);
                    }
                }
                catch (Exception ex)
                {
                    observer.OnError(ex);
                    return;
                }

                observer.OnNext(crop);
            },
            observer.OnError,
            observer.OnCompleted));
    }

    private static FaceCrop Crop(DetectedFrame item, CropSpec spec, CaptureMetrics? metrics)
    {
        Frames.Frame frame = item.Frame;
        Mat image = frame.Image;
        if (item.Face is null)
        {
            return new FaceCrop(frame.BedId, frame.Sequence, frame.Timestamp, image.Size(), null, default, null, null);
        }

        long start = Stopwatch.GetTimestamp();
        Rect region = SquareCrop.Region(item.Face.Box, image.Size(), spec.Margin);
        Mat pixels = SquareCrop.Extract(image, region, spec.OutputSize);
        metrics?.RecordStage(CaptureStage.Crop, frame.BedId, Stopwatch.GetElapsedTime(start));
        try
        {
            start = Stopwatch.GetTimestamp();
            double facePixels = Math.Min(item.Face.Box.Width, item.Face.Box.Height);
            QualityReport quality = QualityMeter.Measure(pixels, facePixels, item.Face.Score);
            metrics?.RecordStage(CaptureStage.Quality, frame.BedId, Stopwatch.GetElapsedTime(start));
            return new FaceCrop(frame.BedId, frame.Sequence, frame.Timestamp, image.Size(), item.Face, region, pixels, quality);
        }
        catch
        {
            pixels.Dispose();
            throw;
        }
    }
}
