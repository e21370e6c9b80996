using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Configuration;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Tests.Support;
using OpenCvSharp;

namespace Npa.Capture.Tests.Pipeline;

public sealed class CapturePipeline_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bed_Pipeline_Passes_Good_Frames_And_Reports_Every_Rejected_One()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var metrics = new CaptureMetrics();
        // 30 fps for 2 s: the first second textured, the second black.
        var source = new TimedFrameSource("bed-7", scheduler, 60, TimeSpan.FromMilliseconds(1000.0 / 30),
            i => i <= 30 ? TimedFrameSource.Textured(320, 240) : new Mat(240, 320, MatType.CV_8UC3, Scalar.All(2)));
        var options = new CaptureOptions
        {
            AssessmentRateHz = 5,
            Detector = new DetectorOptions { Kind = DetectorKind.FixedRoi },
            Crop = new CropSpec { Margin = 0.1, OutputSize = 96 },
        };
        using var pipeline = new CaptureChain(source, options, scheduler, metrics);
        var accepted = new List<(long Sequence, Size Size, QualityReport Quality)>();
        var rejected = new List<QualityRejection>();
        bool completed = false;
        using IDisposable rejections = pipeline.Rejections.Subscribe(rejected.Add);
        using IDisposable crops = pipeline.Crops.Subscribe(
            crop =>
            {
                using (crop)
                {
                    accepted.Add((crop.Sequence, crop.Image.Size(), crop.Quality!));
                }
            },
            () => completed = true);

        scheduler.Start();

        Assert.True(completed);
        BedCounters counters = metrics.For("bed-7");
        Assert.Equal(60, counters.Captured);
        Assert.Equal(counters.Captured, counters.Assessed + counters.Skipped);
        Assert.Equal(counters.Assessed, counters.Accepted + counters.Rejected);
        Assert.Equal(counters.Accepted, accepted.Count);
        Assert.Equal(counters.Rejected, rejected.Count);
        Assert.InRange(accepted.Count, 4, 6);
        Assert.InRange(rejected.Count, 4, 6);
        Assert.All(accepted, a => Assert.True(a.Sequence <= 30 && a.Size == new Size(96, 96)));
        Assert.All(rejected, r => Assert.True(r.Sequence > 30 && r.Reasons.HasFlag(QualityReasons.TooDark) && r.Reasons.HasFlag(QualityReasons.Blurry), r.ToString()));
        Assert.All(source.Produced, f => Assert.True(f.IsDisposed));
    }

    [Fact]
    public void Frames_Without_A_Face_Are_Rejected_As_NoFace_Not_Dropped()
    {
        using var haar = new HaarFaceDetector(new HaarOptions());
        var rejected = new List<QualityRejection>();
        var frames = Enumerable.Range(1, 5)
            .Select(i => new Npa.Capture.Frames.Frame("bed-1", i, Start, TimedFrameSource.Textured(160, 120)))
            .ToArray();
        using var metrics = new CaptureMetrics();
        int accepted = 0;

        frames.ToObservable()
            .DetectFaces(haar, metrics: metrics)
            .CropFaces(new CropSpec(), metrics)
            .GateQuality(new QualityRules(), System.Reactive.Observer.Create<QualityRejection>(rejected.Add), metrics)
            .Subscribe(crop =>
            {
                crop.Dispose();
                accepted++;
            });

        Assert.Equal(0, accepted);
        Assert.Equal([1L, 2, 3, 4, 5], rejected.Select(r => r.Sequence));
        Assert.All(rejected, r => Assert.Equal(QualityReasons.NoFace, r.Reasons));
        Assert.All(frames, f => Assert.True(f.IsDisposed));
        Assert.Equal(5, metrics.For("bed-1").Rejected);
    }

    [Fact]
    public void Detector_Failure_Disposes_The_Frame_And_Ends_The_Stream_With_The_Error()
    {
        using var blaze = new BlazeFaceDetector(new BlazeFaceOptions { ModelPath = TestPaths.BlazeFaceModel() });
        var grayFrame = new Npa.Capture.Frames.Frame("bed-1", 2, Start, new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0)));
        Exception? error = null;

        new[] { grayFrame }.ToObservable().DetectFaces(blaze).Subscribe(d => d.Dispose(), e => error = e);

        Assert.IsType<ArgumentException>(error);
        Assert.Contains("8-bit BGR", error!.Message, StringComparison.Ordinal);
        Assert.True(grayFrame.IsDisposed);
    }
}
