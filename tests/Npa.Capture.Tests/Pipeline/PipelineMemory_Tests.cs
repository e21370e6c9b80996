using System.Diagnostics;
using System.Reactive.Linq;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Tests.Support;
using OpenCvSharp;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Pipeline;

[CollectionDefinition(nameof(PipelineMemory_Tests), DisableParallelization = true)]
public sealed class PipelineMemoryCollection;

/// <summary>Every Mat is released by its one owner: counted frames all die, and the process does not grow. Runs alone, so RSS is not disturbed by other tests.</summary>
[Collection(nameof(PipelineMemory_Tests))]
public sealed class PipelineMemory_Tests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Frames made of <see cref="CountingMat"/>: noise (accepted) with every third frame black (rejected).</summary>
    private static IObservable<Frame> CountedFrames(MatCounter counter, int count, int width, int height, Action<int>? afterEach = null) =>
        Observable.Create<Frame>(observer =>
        {
            using Mat texture = TimedFrameSource.Textured(width, height);
            for (int i = 1; i <= count; i++)
            {
                var mat = new CountingMat(counter, height, width, MatType.CV_8UC3, Scalar.All(0));
                if (i % 3 != 0)
                {
                    texture.CopyTo(mat);
                }

                observer.OnNext(new Frame("bed-1", i, Start, mat));
                afterEach?.Invoke(i);
            }

            observer.OnCompleted();
            return () => { };
        });

    private static (int Accepted, int Rejected) Run(IObservable<Frame> frames, IFaceDetector detector, List<FaceCrop> keepCrops)
    {
        int accepted = 0, rejected = 0;
        frames
            .DetectFaces(detector, new FaceTracker(new TrackerOptions()))
            .CropFaces(new CropSpec { OutputSize = 64 })
            .GateQuality(new QualityRules(), System.Reactive.Observer.Create<QualityRejection>(_ => rejected++))
            .Subscribe(crop =>
            {
                if (keepCrops.Count < 50)
                {
                    keepCrops.Add(crop);
                }

                crop.Dispose();
                accepted++;
            });
        return (accepted, rejected);
    }

    [Theory]
    [InlineData("roi")]
    [InlineData("haar")]
    [InlineData("blazeface")]
    public void Every_Frame_Mat_Is_Released_After_Detect_Crop_And_Gate(string kind)
    {
        var counter = new MatCounter();
        using IFaceDetector detector = kind switch
        {
            "haar" => new HaarFaceDetector(new HaarOptions()),
            "blazeface" => new BlazeFaceDetector(new BlazeFaceOptions { ModelPath = TestPaths.BlazeFaceModel() }),
            _ => new FixedRoiDetector(new RoiOptions()),
        };
        var crops = new List<FaceCrop>();

        (int accepted, int rejected) = Run(CountedFrames(counter, 120, 160, 120), detector, crops);

        Assert.Equal(120, counter.Created);
        Assert.Equal(0, counter.Live);
        Assert.Equal(120, accepted + rejected);
        Assert.All(crops, c => Assert.True(c.IsDisposed));
    }

    [Fact]
    public void Twenty_Thousand_Frames_Leave_No_Live_Mat_And_Memory_Flat()
    {
        var counter = new MatCounter();
        using var detector = new FixedRoiDetector(new RoiOptions());
        long after1k = 0;
        long maxLive = 0;
        var watch = Stopwatch.StartNew();

        // OpenCV's worker threads each warm up a malloc arena of their own over the first few thousand frames, which
        // shows as RSS growth that then levels off; one worker keeps the two readings comparable.
        int threads = Cv2.GetNumThreads();
        Cv2.SetNumThreads(1);
        int accepted, rejected;
        try
        {
            (accepted, rejected) = Run(
                CountedFrames(counter, 20_000, 160, 120, i =>
                {
                    maxLive = Math.Max(maxLive, counter.Live);
                    if (i == 1_000)
                    {
                        after1k = SettledRss();
                    }
                }),
                detector,
                []);
        }
        finally
        {
            Cv2.SetNumThreads(threads);
        }

        long after20k = SettledRss();

        double growthMb = (after20k - after1k) / (1024.0 * 1024.0);
        output.WriteLine($"20000 frames in {watch.Elapsed.TotalSeconds:F1} s; accepted {accepted}, rejected {rejected}; max live Mats {maxLive}; RSS after 1k {after1k / 1048576.0:F1} MB, after 20k {after20k / 1048576.0:F1} MB, growth {growthMb:F2} MB");
        Assert.Equal(20_000, counter.Created);
        Assert.Equal(0, counter.Live);
        Assert.True(maxLive <= 1, $"up to {maxLive} frame Mats were alive at once");
        Assert.Equal(20_000, accepted + rejected);
        Assert.InRange(rejected, 6_666, 6_667);
        Assert.True(growthMb < 30, $"RSS grew {growthMb:F1} MB between frame 1000 and frame 20000");
    }

    private static long SettledRss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
