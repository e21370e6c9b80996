using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// The painted head of a scene before it is rolled and placed: colour layer, silhouette mask and their layout. It depends
/// on everything in a spec but where the head sits (<see cref="FaceSceneSpec.Center"/>, <see cref="FaceSceneSpec.RollDegrees"/>)
/// and the per-frame noise seed, so frames of one held expression can share it. Read-only once painted. Owns its Mats.
/// </summary>
internal sealed class HeadPatch : IDisposable
{
    private HeadPatch(Mat layer, Mat mask, FaceLayout layout)
    {
        Layer = layer;
        Mask = mask;
        Layout = layout;
    }

    public Mat Layer { get; }

    public Mat Mask { get; }

    public FaceLayout Layout { get; }

    /// <summary>The part of <paramref name="spec"/> that decides the patch's pixels: equal keys, equal patches.</summary>
    public static FaceSceneSpec KeyOf(FaceSceneSpec spec) => spec with { Center = default, RollDegrees = 0, DetailSeed = 0 };

    public static HeadPatch Paint(FaceSceneSpec spec)
    {
        var g = new FaceLayout(spec);
        var layer = new Mat(g.PatchSize, g.PatchSize, MatType.CV_8UC3, Scalar.All(0));
        var mask = new Mat(g.PatchSize, g.PatchSize, MatType.CV_8UC1, Scalar.All(0));
        try
        {
            var look = new Random(spec.AppearanceSeed);
            var skin = SkinColor(spec, look);
            HeadPainter.Paint(layer, mask, g, spec, skin, look);
            EyeBrowPainter.Paint(layer, g, spec, skin);
            MouthPainter.Paint(layer, g, spec, skin);
            ShadingPainter.Apply(layer, mask, g, spec);
            EyeBrowPainter.PaintCatchlights(layer, g, spec);
            OcclusionPainter.Paint(layer, mask, g, spec, look);
            return new HeadPatch(layer, mask, g);
        }
        catch
        {
            layer.Dispose();
            mask.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Layer.Dispose();
        Mask.Dispose();
    }

    private static Scalar SkinColor(FaceSceneSpec spec, Random rng)
    {
        var c = SkinTonePalette.Bgr(spec.SkinTone);
        double k = Draw.Uniform(rng, 0.94, 1.06);
        return new Scalar(c.Val0 * k * Draw.Uniform(rng, 0.96, 1.04), c.Val1 * k, c.Val2 * k * Draw.Uniform(rng, 0.97, 1.03));
    }
}
