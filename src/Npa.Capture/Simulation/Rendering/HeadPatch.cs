using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>
/// The painted head of a scene before it is rolled and placed: colour layer, silhouette mask and their layout. It depends
/// on everything in a spec but where the head sits (<see cref="FaceSceneSpec.Center"/>, <see cref="FaceSceneSpec.RollDegrees"/>)
/// and the per-frame noise seed, so frames of one held expression can share it. Read-only once painted. Owns its Mats.
/// </summary>
internal sealed class HeadPatch : IDisposable
{
    private HeadPatch(Mat layer, Mat mask, Mat alpha, Mat shadow, FaceLayout layout)
    {
        Layer = layer;
        Mask = mask;
        Alpha = alpha;
        Shadow = shadow;
        Layout = layout;
    }

    public Mat Layer { get; }

    /// <summary>The hard silhouette.</summary>
    public Mat Mask { get; }

    /// <summary>The silhouette with the soft edge it is blended with.</summary>
    public Mat Alpha { get; }

    /// <summary>The silhouette blurred into the contact shadow it casts (the compositor shifts it down-right).</summary>
    public Mat Shadow { get; }

    public FaceLayout Layout { get; }

    /// <summary>The part of <paramref name="spec"/> that decides the patch's pixels: equal keys, equal patches.</summary>
    public static FaceSceneSpec KeyOf(FaceSceneSpec spec) => spec with { Center = default, RollDegrees = 0, DetailSeed = 0 };

    public static HeadPatch Paint(FaceSceneSpec spec)
    {
        var g = new FaceLayout(spec);
        var layer = new Mat(g.PatchSize, g.PatchSize, MatType.CV_8UC3, Scalar.All(0));
        var mask = new Mat(g.PatchSize, g.PatchSize, MatType.CV_8UC1, Scalar.All(0));
        Mat? alpha = null, shadow = null;
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
            // Blurring commutes with the rigid roll and shift that place the head, so both blurs are done once here, in
            // patch space, instead of on every frame in scene space.
            alpha = mask.Clone();
            Cv2.GaussianBlur(alpha, alpha, new Size(0, 0), Math.Max(0.5, 0.006 * g.W));
            shadow = mask.Clone();
            Draw.SoftBlur(shadow, 0.08 * g.W);
            return new HeadPatch(layer, mask, alpha, shadow, g);
        }
        catch
        {
            layer.Dispose();
            mask.Dispose();
            alpha?.Dispose();
            shadow?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Layer.Dispose();
        Mask.Dispose();
        Alpha.Dispose();
        Shadow.Dispose();
    }

    private static Scalar SkinColor(FaceSceneSpec spec, Random rng)
    {
        var c = SkinTonePalette.Bgr(spec.SkinTone);
        double k = Draw.Uniform(rng, 0.94, 1.06);
        return new Scalar(c.Val0 * k * Draw.Uniform(rng, 0.96, 1.04), c.Val1 * k, c.Val2 * k * Draw.Uniform(rng, 0.97, 1.03));
    }
}
