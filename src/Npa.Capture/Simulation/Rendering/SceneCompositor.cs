using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Places the drawn head patch into the scene: rolled, moved to its centre, soft-edged, with a contact shadow.</summary>
internal static class SceneCompositor
{
    public static void Composite(Mat scene, HeadPatch head, FaceSceneSpec spec)
    {
        var g = head.Layout;
        using var m = Cv2.GetRotationMatrix2D(new Point2f((float)g.Origin.X, (float)g.Origin.Y), -spec.RollDegrees, 1.0);
        double dx = spec.Center.X - g.Origin.X, dy = spec.Center.Y - g.Origin.Y;
        var corners = new[] { new Point2d(0, 0), new Point2d(g.PatchSize, 0), new Point2d(0, g.PatchSize), new Point2d(g.PatchSize, g.PatchSize) }
            .Select(p => Transform(m, p, dx, dy)).ToArray();
        int x0 = Math.Max(0, (int)Math.Floor(corners.Min(p => p.X))), y0 = Math.Max(0, (int)Math.Floor(corners.Min(p => p.Y)));
        int x1 = Math.Min(scene.Cols, (int)Math.Ceiling(corners.Max(p => p.X))), y1 = Math.Min(scene.Rows, (int)Math.Ceiling(corners.Max(p => p.Y)));
        if (x1 <= x0 || y1 <= y0) return;
        var roi = new Rect(x0, y0, x1 - x0, y1 - y0);
        m.Set(0, 2, m.At<double>(0, 2) + dx - x0);
        m.Set(1, 2, m.At<double>(1, 2) + dy - y0);

        using var warped = new Mat();
        using var alpha = new Mat();
        using var shadow = new Mat();
        Cv2.WarpAffine(head.Layer, warped, m, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        Cv2.WarpAffine(head.Alpha, alpha, m, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        // Contact shadow: the head rests on the surface, down-right of it.
        m.Set(0, 2, m.At<double>(0, 2) + 0.06 * g.W);
        m.Set(1, 2, m.At<double>(1, 2) + 0.08 * g.W);
        Cv2.WarpAffine(head.Shadow, shadow, m, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        using var target = new Mat(scene, roi);
        Blend(target, warped, alpha, shadow);
    }

    /// <summary>
    /// In one pass over the bytes: the background darkened by the shadow, bg·(1 − 0.45·shadow), then
    /// bg + (fg − bg)·alpha. Float Mats and channel merges cost several times more for the same pixels.
    /// </summary>
    private static void Blend(Mat target, Mat foreground, Mat alpha, Mat shadow)
    {
        const float shadowDepth = 0.45f / 255, unit = 1 / 255f;
        var targetRows = target.AsRows<byte>();
        var foregroundRows = foreground.AsRows<byte>();
        var alphaRows = alpha.AsRows<byte>();
        var shadowRows = shadow.AsRows<byte>();
        int rows = target.Rows;
        for (int y = 0; y < rows; y++)
        {
            Span<byte> t = targetRows[y];
            ReadOnlySpan<byte> f = foregroundRows[y], a = alphaRows[y], s = shadowRows[y];
            for (int x = 0, i = 0; x < a.Length; x++, i += 3)
            {
                float gain = 1 - shadowDepth * s[x], w = unit * a[x];
                for (int c = i; c < i + 3; c++)
                {
                    float bg = t[c] * gain;
                    t[c] = Pixel.Round(bg + (f[c] - bg) * w);
                }
            }
        }
    }

    private static Point2d Transform(Mat m, Point2d p, double dx, double dy) => new(
        m.At<double>(0, 0) * p.X + m.At<double>(0, 1) * p.Y + m.At<double>(0, 2) + dx,
        m.At<double>(1, 0) * p.X + m.At<double>(1, 1) * p.Y + m.At<double>(1, 2) + dy);
}
