using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Procedural neonate face renderer: the same spec gives the same pixels. Stateless and thread-safe.</summary>
public static class NeonateFaceRenderer
{
    /// <summary>Size of the true face box relative to the face width (calibrated to Haar/BlazeFace boxes).</summary>
    public const double BoxScale = 1.0;

    /// <summary>Vertical offset of the box centre below the face centre, in face widths.</summary>
    public const double BoxOffsetY = 0.01;

    public static RenderedFace Render(FaceSceneSpec spec, Size canvas) => Render(spec, canvas, []);

    /// <summary>
    /// As <see cref="Render(FaceSceneSpec, Size)"/>, starting from <paramref name="background"/> (packed BGR, from
    /// <see cref="PaintBackground"/> for this spec and canvas) instead of painting it again: a fixed camera sees the same
    /// wall or blanket every frame. Empty: paint it. The pixels are the same either way.
    /// </summary>
    public static RenderedFace Render(FaceSceneSpec spec, Size canvas, ReadOnlySpan<byte> background)
    {
        Check(spec, canvas, background);
        using var head = HeadPatch.Paint(spec);
        return Compose(spec, canvas, background, head);
    }

    /// <summary>As <see cref="Render(FaceSceneSpec, Size, ReadOnlySpan{byte})"/>, with the head from <paramref name="heads"/> (painted there when it has none for this spec).</summary>
    internal static RenderedFace Render(FaceSceneSpec spec, Size canvas, byte[] background, HeadPatchCache heads)
    {
        Check(spec, canvas, background);
        return heads.With(spec, head => Compose(spec, canvas, background, head));
    }

    private static void Check(FaceSceneSpec spec, Size canvas, ReadOnlySpan<byte> background)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (canvas.Width < 32 || canvas.Height < 32)
            throw new ArgumentOutOfRangeException(nameof(canvas), canvas, "canvas must be at least 32x32 pixels");
        if (spec.FaceWidth < 16)
            throw new ArgumentOutOfRangeException(nameof(spec), spec.FaceWidth, "face width must be at least 16 pixels");
        _ = SkinTonePalette.Bgr(spec.SkinTone);
        if (!background.IsEmpty && background.Length != 3 * canvas.Width * canvas.Height)
            throw new ArgumentException($"background holds {background.Length} bytes; a {canvas.Width}x{canvas.Height} BGR canvas needs {3 * canvas.Width * canvas.Height}", nameof(background));
    }

    // Background, the head rolled and placed, then the camera's effects.
    private static RenderedFace Compose(FaceSceneSpec spec, Size canvas, ReadOnlySpan<byte> background, HeadPatch head)
    {
        var scene = new Mat(canvas, MatType.CV_8UC3, Scalar.All(0));
        try
        {
            if (background.IsEmpty) BackgroundPainter.Paint(scene, spec, new Random(spec.SceneSeed));
            else background.CopyTo(scene.AsSpan<byte>());
            SceneCompositor.Composite(scene, head, spec);
            SceneDegrader.Apply(scene, spec, new Random(spec.DetailSeed));
            return new RenderedFace(scene, TrueFaceBox(spec), spec);
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    /// <summary>The background of <paramref name="spec"/>'s scene (wall or blanket, from its scene seed) as packed BGR bytes.</summary>
    public static byte[] PaintBackground(FaceSceneSpec spec, Size canvas)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var scene = new Mat(canvas, MatType.CV_8UC3, Scalar.All(0));
        BackgroundPainter.Paint(scene, spec, new Random(spec.SceneSeed));
        return scene.AsSpan<byte>().ToArray();
    }

    /// <summary>The true face box of a spec: a square of <see cref="BoxScale"/> face widths around the face centre.</summary>
    public static Rect TrueFaceBox(FaceSceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        double side = BoxScale * spec.FaceWidth;
        double roll = spec.RollDegrees * Math.PI / 180;
        // The box centre sits below the face centre along the rolled vertical axis.
        double cx = spec.Center.X - Math.Sin(roll) * BoxOffsetY * spec.FaceWidth;
        double cy = spec.Center.Y + Math.Cos(roll) * BoxOffsetY * spec.FaceWidth;
        return new Rect((int)Math.Round(cx - side / 2), (int)Math.Round(cy - side / 2), (int)Math.Round(side), (int)Math.Round(side));
    }
}
