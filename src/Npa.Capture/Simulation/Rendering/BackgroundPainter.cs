using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Incubator wall, patterned blanket or quilted mattress behind the head.</summary>
internal static class BackgroundPainter
{
    public static void Paint(Mat scene, FaceSceneSpec spec, Random rng)
    {
        switch (spec.Background)
        {
            case SceneBackground.IncubatorWall: Incubator(scene, spec, rng); break;
            case SceneBackground.Blanket: Blanket(scene, spec, rng); break;
            case SceneBackground.Mattress: Mattress(scene, spec, rng); break;
            default: throw new ArgumentOutOfRangeException(nameof(spec), spec.Background, "unknown background");
        }
        Folds(scene, rng, spec.Background == SceneBackground.IncubatorWall ? 1 : 4);
    }

    private static void Incubator(Mat scene, FaceSceneSpec spec, Random rng)
    {
        var top = Draw.Hsv(spec.BackgroundHue, Draw.Uniform(rng, 10, 50), Draw.Uniform(rng, 200, 240));
        var bottom = Draw.Scale(top, Draw.Uniform(rng, 0.7, 0.9));
        int rows = scene.Rows, cols = scene.Cols;
        for (int y = 0; y < rows; y++)
            Cv2.Line(scene, new Point(0, y), new Point(cols - 1, y), Draw.Lerp(top, bottom, (double)y / rows));
        int d = Math.Max(scene.Cols, scene.Rows);
        var frame = Draw.Scale(top, 0.75);
        Cv2.Circle(scene, new Point(rng.Next(scene.Cols), rng.Next(scene.Rows)), (int)(d * Draw.Uniform(rng, 0.25, 0.45)), frame, Math.Max(2, d / 60), LineTypes.AntiAlias);
        int x = rng.Next(2) == 0 ? (int)(scene.Cols * 0.08) : (int)(scene.Cols * 0.92);
        Cv2.Line(scene, new Point(x, 0), new Point(x, scene.Rows), frame, Math.Max(2, d / 40), LineTypes.AntiAlias);
    }

    private static void Blanket(Mat scene, FaceSceneSpec spec, Random rng)
    {
        var baseColor = Draw.Hsv(spec.BackgroundHue, Draw.Uniform(rng, 40, 150), Draw.Uniform(rng, 150, 235));
        scene.SetTo(baseColor);
        var stripe = Draw.Scale(baseColor, Draw.Uniform(rng, 0.75, 1.15));
        int d = Math.Max(scene.Cols, scene.Rows), period = Math.Max(6, (int)(d * Draw.Uniform(rng, 0.04, 0.12)));
        bool checks = rng.Next(2) == 0;
        for (int p = -d; p < 2 * d; p += period)
        {
            Cv2.Line(scene, new Point(p, 0), new Point(p + d / 3, d), stripe, period / 3, LineTypes.AntiAlias);
            if (checks) Cv2.Line(scene, new Point(0, p), new Point(d, p - d / 4), stripe, period / 3, LineTypes.AntiAlias);
        }
    }

    private static void Mattress(Mat scene, FaceSceneSpec spec, Random rng)
    {
        var sheet = Draw.Hsv(spec.BackgroundHue, Draw.Uniform(rng, 0, 40), Draw.Uniform(rng, 215, 245));
        scene.SetTo(sheet);
        int d = Math.Max(scene.Cols, scene.Rows), cell = Math.Max(8, (int)(d * Draw.Uniform(rng, 0.12, 0.25)));
        var seam = Draw.Scale(sheet, 0.9);
        for (int p = rng.Next(cell); p < d; p += cell)
        {
            Cv2.Line(scene, new Point(p, 0), new Point(p, d), seam, 1, LineTypes.AntiAlias);
            Cv2.Line(scene, new Point(0, p), new Point(d, p), seam, 1, LineTypes.AntiAlias);
        }
    }

    private static void Folds(Mat scene, Random rng, int count)
    {
        // Soft shadows of fabric folds; blurred so they read as shading, not edges.
        using var shade = new Mat(scene.Size(), MatType.CV_8UC3, Scalar.All(0));
        int d = Math.Max(scene.Cols, scene.Rows);
        for (int i = 0; i < count; i++)
        {
            var a = new Point(rng.Next(scene.Cols), rng.Next(scene.Rows));
            var b = new Point(a.X + rng.Next(-d / 2, d / 2), a.Y + rng.Next(-d / 2, d / 2));
            Cv2.Line(shade, a, b, Scalar.All(rng.Next(20, 45)), Math.Max(2, d / 30), LineTypes.AntiAlias);
        }
        Draw.SoftBlur(shade, d / 80.0);
        Cv2.Subtract(scene, shade, scene);
    }
}
