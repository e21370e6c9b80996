using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Simulation;

public sealed class NeonateFaceRenderer_Tests(ITestOutputHelper output)
{
    private static readonly Size Canvas = new(256, 256);

    private static void AssertSamePixels(Mat expected, Mat actual)
    {
        using var diff = new Mat();
        Cv2.Absdiff(expected, actual, diff);
        Assert.Equal(0, Cv2.CountNonZero(diff.Reshape(1)));
    }

    private static FaceSceneSpec Spec(int seed, int nips, FaceSceneSamplerOptions? options = null)
    {
        var rng = new Random(seed);
        return FaceSceneSampler.Sample(nips, SubjectAppearance.Random(rng), Canvas, options ?? new FaceSceneSamplerOptions { OcclusionRate = 0.5 }, rng);
    }

    [Fact]
    public void Same_Spec_Gives_Same_Pixels()
    {
        using var a = NeonateFaceRenderer.Render(Spec(42, 5), Canvas);
        using var b = NeonateFaceRenderer.Render(Spec(42, 5), Canvas);
        AssertSamePixels(a.Image, b.Image);
        Assert.Equal(a.FaceBox, b.FaceBox);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(137)]
    [InlineData(455)]
    public void Timeline_Frame_With_Its_Cached_Background_Equals_A_Full_Render(long sequence)
    {
        using var timeline = new BedTimeline(BedScript.Default("bed-1", 5), new SimulatedCameraOptions());
        using var cached = timeline.Render(sequence);
        using var full = NeonateFaceRenderer.Render(cached.Spec, timeline.Canvas);
        AssertSamePixels(cached.Image, full.Image);
    }

    [Fact]
    public void Frames_Sharing_A_Held_Expression_Reuse_The_Head_And_Equal_Full_Renders()
    {
        // At 10 fps frames 120..129 hold one second's expression while the head moves and the noise changes.
        using var timeline = new BedTimeline(BedScript.Default("bed-1", 5), new SimulatedCameraOptions());
        for (long sequence = 120; sequence < 130; sequence++)
        {
            using var cached = timeline.Render(sequence);
            using var full = NeonateFaceRenderer.Render(cached.Spec, timeline.Canvas);
            AssertSamePixels(cached.Image, full.Image);
        }
    }

    [Fact]
    public void Timeline_Still_Renders_After_It_Is_Disposed()
    {
        var timeline = new BedTimeline(BedScript.Default("bed-1", 5), new SimulatedCameraOptions());
        using (var before = timeline.Render(7)) Assert.False(before.Image.Empty());
        timeline.Dispose();
        using var after = timeline.Render(8);
        using var full = NeonateFaceRenderer.Render(after.Spec, timeline.Canvas);
        AssertSamePixels(after.Image, full.Image);
    }

    [Fact]
    public void Sensor_Noise_Has_The_Specified_Spread_And_Follows_The_Detail_Seed()
    {
        var flat = Spec(11, 2) with { LightStrength = 0, Exposure = 1, BlurSigma = 0, JpegQuality = 0, NoiseSigma = 0 };
        var noisy = flat with { NoiseSigma = 6, DetailSeed = 1 };
        using var clean = NeonateFaceRenderer.Render(flat, Canvas);
        using var a = NeonateFaceRenderer.Render(noisy, Canvas);
        using var again = NeonateFaceRenderer.Render(noisy, Canvas);
        using var other = NeonateFaceRenderer.Render(noisy with { DetailSeed = 2 }, Canvas);
        // Mid-grey pixels only, so that clipping at 0 and 255 does not shrink the spread.
        byte[] c = clean.Image.AsSpan<byte>().ToArray(), n = a.Image.AsSpan<byte>().ToArray();
        var d = Enumerable.Range(0, c.Length).Where(i => c[i] is > 40 and < 215).Select(i => (double)n[i] - c[i]).ToArray();
        double mean = d.Average(), sd = Math.Sqrt(d.Select(v => (v - mean) * (v - mean)).Average());
        output.WriteLine($"noise over {d.Length} values: mean {mean:F3}, sd {sd:F3} (asked 6)");
        Assert.InRange(mean, -0.1, 0.1);
        Assert.InRange(sd, 5.7, 6.3);
        Assert.True(a.Image.AsSpan<byte>().SequenceEqual(again.Image.AsSpan<byte>()));
        Assert.False(a.Image.AsSpan<byte>().SequenceEqual(other.Image.AsSpan<byte>()));
    }

    [Fact]
    public void Background_Of_The_Wrong_Size_Is_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NeonateFaceRenderer.Render(Spec(3, 1), Canvas, new byte[12]));
        Assert.Contains("needs 196608", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_Seeds_Give_Different_Pixels()
    {
        using var a = NeonateFaceRenderer.Render(Spec(1, 3), Canvas);
        using var b = NeonateFaceRenderer.Render(Spec(2, 3), Canvas);
        using var diff = new Mat();
        Cv2.Absdiff(a.Image, b.Image, diff);
        Assert.True(Cv2.CountNonZero(diff.Reshape(1)) > Canvas.Width * Canvas.Height / 4);
    }

    [Fact]
    public void Feature_Contrast_Of_Brow_And_Mouth_Rises_With_Nips()
    {
        // Frontal, centred, undegraded faces of the same neonates at every score.
        var options = new FaceSceneSamplerOptions { MaxRollDegrees = 0, MaxYaw = 0, Degrade = false, MinFaceFraction = 0.55, MaxFaceFraction = 0.55 };
        var means = new double[8];
        const int seeds = 6;
        for (int nips = 0; nips < 8; nips++)
        {
            for (int s = 0; s < seeds; s++)
            {
                var spec = Spec(100 + s, nips, options) with { Center = new Point2d(128, 128), LightStrength = 0, Occlusion = OcclusionKind.None };
                using var face = NeonateFaceRenderer.Render(spec, Canvas);
                means[nips] += FeatureContrast(face.Image, spec) / seeds;
            }
        }
        output.WriteLine("brow+mouth contrast by NIPS: " + string.Join(" ", means.Select(m => m.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
        for (int nips = 2; nips < 8; nips++)
            Assert.True(means[nips] > means[nips - 2], $"NIPS {nips} ({means[nips]:F3}) should exceed NIPS {nips - 2} ({means[nips - 2]:F3})");
        Assert.True(means[7] > means[0] + 0.05, $"NIPS 7 ({means[7]:F3}) should clearly exceed NIPS 0 ({means[0]:F3})");
    }

    private static double FeatureContrast(Mat image, FaceSceneSpec spec)
    {
        // Mean gradient magnitude over the brow (above the eyes) and mouth-and-chin regions, relative to the cheeks'
        // brightness: furrows, squeezed lids, an open stretched mouth, the tongue's rim and chin wrinkles all add edges.
        double w = spec.FaceWidth, cx = spec.Center.X, cy = spec.Center.Y;
        Rect R(double x0, double y0, double x1, double y1) => new((int)(cx + x0 * w), (int)(cy + y0 * w), (int)((x1 - x0) * w), (int)((y1 - y0) * w));
        using var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(gray, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(gray, gy, MatType.CV_32F, 0, 1);
        using var magnitude = new Mat();
        Cv2.Magnitude(gx, gy, magnitude);
        double cheeks = (Mean(gray, R(-0.32, 0.02, -0.18, 0.12)) + Mean(gray, R(0.18, 0.02, 0.32, 0.12))) / 2;
        return (Mean(magnitude, R(-0.2, -0.34, 0.2, -0.17)) + Mean(magnitude, R(-0.25, 0.15, 0.25, 0.5))) / cheeks;
    }

    private static double Mean(Mat image, Rect r)
    {
        using var roi = new Mat(image, r);
        return Cv2.Mean(roi).Val0;
    }

    [Fact]
    public void Too_Small_Face_Gives_Clear_Error()
    {
        var spec = Spec(3, 0) with { FaceWidth = 4 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeonateFaceRenderer.Render(spec, Canvas));
        Assert.Contains("face width must be at least 16 pixels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Skin_Tone_Gives_Clear_Error()
    {
        var spec = Spec(3, 0) with { SkinTone = 9 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NeonateFaceRenderer.Render(spec, Canvas));
        Assert.Contains("skin tone must be 0..5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frame_Exit_Puts_Part_Of_The_Box_Outside_The_Canvas()
    {
        var options = new FaceSceneSamplerOptions { OcclusionRate = 1 };
        for (int seed = 0; seed < 60; seed++)
        {
            var spec = Spec(seed, 2, options);
            if (spec.Occlusion != OcclusionKind.FrameExit) continue;
            var box = NeonateFaceRenderer.TrueFaceBox(spec);
            var inside = box & new Rect(0, 0, Canvas.Width, Canvas.Height);
            double fraction = (double)inside.Width * inside.Height / (box.Width * box.Height);
            Assert.InRange(fraction, 0.4, 0.8);
        }
    }
}
