using System.Diagnostics;
using System.Reactive.Concurrency;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Pipeline;

/// <summary>BlazeFace through the real stages on the simulated neonate camera, judged against the simulator's ground truth.</summary>
public sealed class SimulatedCameraDetection_Tests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Outcome(FrameGroundTruth Truth, Rect2d? Face, Rect Region, QualityReport? Quality);

    private static List<Outcome> Run(int seed, TimeSpan length, IFaceDetector detector, CropSpec spec)
    {
        var script = new BedScript
        {
            BedId = $"sim-{seed}",
            Seed = seed,
            Segments =
            [
                new ScriptSegment("rest", length / 3, 0, 2),
                new ScriptSegment("procedure", length / 3, 2, 7),
                new ScriptSegment("recovery", length / 3, 7, 1),
            ],
            Occlusions = [new ScriptOcclusion(length / 2, length / 10, OcclusionKind.Pacifier)],
        };
        var scheduler = new HistoricalScheduler(Start);
        using var camera = new SimulatedBedCamera(script, new SimulatedCameraOptions { Fps = 10, Width = 640, Height = 480 }, scheduler);
        var truths = new Dictionary<long, FrameGroundTruth>();
        var outcomes = new List<Outcome>();
        using IDisposable truthSubscription = camera.GroundTruth.Subscribe(t => truths[t.Sequence] = t);
        using IDisposable subscription = camera.Frames
            .DetectFaces(detector, new FaceTracker(new TrackerOptions()))
            .CropFaces(spec)
            .Subscribe(crop =>
            {
                using (crop)
                {
                    outcomes.Add(new Outcome(truths[crop.Sequence], crop.Face?.Box, crop.Region, crop.Quality));
                }
            });
        scheduler.Start();
        return outcomes;
    }

    [Fact]
    public void BlazeFace_Finds_Unoccluded_Simulated_Faces_And_Crops_Centre_On_Them() => Evaluate([11, 23], TimeSpan.FromSeconds(5));

    [Fact]
    [Trait("Category", "Slow")]
    public void BlazeFace_Finds_Unoccluded_Simulated_Faces_Over_Many_Neonates() => Evaluate([11, 23, 37, 41, 53, 67, 79, 83], TimeSpan.FromSeconds(15));

    private void Evaluate(int[] seeds, TimeSpan length)
    {
        using var detector = new BlazeFaceDetector(new BlazeFaceOptions { ModelPath = TestPaths.BlazeFaceModel() });
        var spec = new CropSpec { Margin = 0.25, OutputSize = 128 };
        var watch = Stopwatch.StartNew();
        List<Outcome> all = seeds.SelectMany(seed => Run(seed, length, detector, spec)).ToList();

        var frame = new Rect(0, 0, 640, 480);
        List<Outcome> unoccluded = all.Where(o => !o.Truth.Occluded && (o.Truth.FaceBox & frame) == o.Truth.FaceBox).ToList();
        List<Outcome> detected = unoccluded.Where(o => o.Face is not null).ToList();
        double rate = detected.Count / (double)unoccluded.Count;
        double[] boxIoU = detected.Select(o => FaceDetection.IoU(o.Face!.Value, ToRect2d(o.Truth.FaceBox))).Order().ToArray();
        // The crop that the true box would give, with the same margin: IoU with it says how well the crop is centred and sized.
        double[] cropIoU = detected
            .Select(o => FaceDetection.IoU(ToRect2d(o.Region), ToRect2d(SquareCrop.Region(ToRect2d(o.Truth.FaceBox), frame.Size, spec.Margin))))
            .Order()
            .ToArray();
        output.WriteLine($"{seeds.Length} neonates, {all.Count} frames in {watch.Elapsed.TotalSeconds:F1} s; unoccluded {unoccluded.Count}, detected {detected.Count} ({rate:P1}); occluded frames with a face {all.Count(o => o.Truth.Occluded && o.Face is not null)}/{all.Count(o => o.Truth.Occluded)}");
        output.WriteLine($"IoU(face box, true box): min {boxIoU[0]:F2}, p5 {boxIoU[boxIoU.Length / 20]:F2}, median {boxIoU[boxIoU.Length / 2]:F2}");
        output.WriteLine($"IoU(crop, crop of true box): min {cropIoU[0]:F2}, p5 {cropIoU[cropIoU.Length / 20]:F2}, median {cropIoU[cropIoU.Length / 2]:F2}");

        var rules = new QualityRules();
        QualityReasons[] verdicts = detected.Select(o => rules.Evaluate(o.Quality!)).ToArray();
        double passRate = verdicts.Count(v => v == QualityReasons.None) / (double)verdicts.Length;
        output.WriteLine($"default quality gate passes {passRate:P1} of them; sharpness min {detected.Min(o => o.Quality!.Sharpness):F1}, luma {detected.Min(o => o.Quality!.MeanLuma):F0}..{detected.Max(o => o.Quality!.MeanLuma):F0}; reasons: {string.Join(", ", verdicts.Where(v => v != QualityReasons.None).GroupBy(v => v).Select(g => $"{g.Key} {g.Count()}"))}");

        Assert.True(unoccluded.Count >= 0.7 * all.Count, $"only {unoccluded.Count} of {all.Count} frames are unoccluded and inside the frame");
        Assert.True(rate >= 0.95, $"BlazeFace found {rate:P1} of unoccluded simulated faces; needs 95 %");
        Assert.True(cropIoU[0] >= 0.6, $"worst crop IoU with the true face's crop is {cropIoU[0]:F2}; needs 0.6");
        Assert.True(boxIoU[0] >= 0.6, $"worst face-box IoU with the true box is {boxIoU[0]:F2}; needs 0.6");
        Assert.True(passRate >= 0.9, $"the default quality gate refuses {1 - passRate:P1} of clean simulated faces");
    }

    private static Rect2d ToRect2d(Rect r) => new(r.X, r.Y, r.Width, r.Height);

    private static double CentreError(Rect region, Rect face)
    {
        double dx = (region.X + (region.Width / 2.0)) - (face.X + (face.Width / 2.0));
        double dy = (region.Y + (region.Height / 2.0)) - (face.Y + (face.Height / 2.0));
        return Math.Sqrt((dx * dx) + (dy * dy)) / Math.Max(face.Width, face.Height);
    }
}
