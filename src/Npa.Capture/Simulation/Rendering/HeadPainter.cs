using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Head silhouette (cranium, round cheeks, ears), skin fill with mild mottling, and the knitted cap.</summary>
internal static class HeadPainter
{
    public static void Paint(Mat layer, Mat mask, FaceLayout g, FaceSceneSpec spec, Scalar skin, Random rng)
    {
        var white = Scalar.All(255);
        Draw.FillEllipse(mask, g, 0, -0.22, 0.55, 0.6, white);
        Draw.FillEllipse(mask, g, 0, g.OvalCenterY, 0.5, g.OvalHalfHeight, white);
        Draw.FillEllipse(mask, g, -0.27, 0.16, 0.24, 0.24, white);
        Draw.FillEllipse(mask, g, 0.27, 0.16, 0.24, 0.24, white);
        Draw.FillEllipse(mask, g, -0.53, -0.06, 0.06, 0.11, white);
        Draw.FillEllipse(mask, g, 0.53, -0.06, 0.06, 0.11, white);
        layer.SetTo(skin, mask);
        Mottle(layer, mask, g, skin, rng);
        // Ear folds read as a darker rim.
        foreach (int side in new[] { -1, 1 })
            Cv2.Ellipse(layer, Draw.Ellipse(g, side * 0.53, -0.06, 0.035, 0.075), Draw.Scale(skin, 0.8), g.L(0.012), LineTypes.AntiAlias);
        if (spec.WearsHat) PaintHat(layer, mask, g, spec, rng);
    }

    private static void Mottle(Mat layer, Mat mask, FaceLayout g, Scalar skin, Random rng)
    {
        // Low-frequency blotches (neonatal skin is rarely even): faint ellipses, blurred, kept inside the head.
        using var mottled = layer.Clone();
        for (int i = 0; i < 10; i++)
        {
            double k = Draw.Uniform(rng, 0.94, 1.05);
            var tint = new Scalar(skin.Val0 * k, skin.Val1 * k, skin.Val2 * Draw.Uniform(rng, 0.97, 1.06));
            Draw.FillEllipse(mottled, g, Draw.Uniform(rng, -0.45, 0.45), Draw.Uniform(rng, -0.6, 0.5),
                Draw.Uniform(rng, 0.08, 0.2), Draw.Uniform(rng, 0.06, 0.16), tint);
        }
        Draw.SoftBlur(mottled, 0.05 * g.W);
        mottled.CopyTo(layer, mask);
    }

    private static void PaintHat(Mat layer, Mat mask, FaceLayout g, FaceSceneSpec spec, Random rng)
    {
        var color = Draw.Hsv(spec.HatHue, Draw.Uniform(rng, 60, 170), Draw.Uniform(rng, 150, 235));
        using var hat = new Mat(layer.Size(), MatType.CV_8UC1, Scalar.All(0));
        Draw.FillEllipse(hat, g, 0, -0.3, 0.6, 0.62, Scalar.All(255));
        // Cut the cap off above the brows: its rim sits on the upper forehead.
        var rimY = (int)Math.Round(g.P(0, -0.4).Y);
        Cv2.Rectangle(hat, new Rect(0, rimY, layer.Cols, Math.Max(0, layer.Rows - rimY)), Scalar.All(0), -1);
        layer.SetTo(color, hat);
        Cv2.BitwiseOr(mask, hat, mask);
        var rib = Draw.Scale(color, 0.82);
        for (double x = -0.5; x <= 0.5; x += 0.07)
            Draw.Polyline(layer, g, [(x, -0.41), (x * 1.1, -0.75)], rib, 0.008);
        Draw.Polyline(layer, g, Draw.Curve((-0.58, -0.42), (0, -0.47), (0.58, -0.42)), Draw.Scale(color, 0.7), 0.05);
    }
}
