using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Small drawing helpers shared by the painters.</summary>
internal static class Draw
{
    public static Scalar Lerp(Scalar a, Scalar b, double t) =>
        new(a.Val0 + (b.Val0 - a.Val0) * t, a.Val1 + (b.Val1 - a.Val1) * t, a.Val2 + (b.Val2 - a.Val2) * t);

    public static Scalar Scale(Scalar c, double k) => new(c.Val0 * k, c.Val1 * k, c.Val2 * k);

    /// <summary>BGR of an HSV colour, hue 0..1, saturation and value 0..255.</summary>
    public static Scalar Hsv(double hue, double saturation, double value)
    {
        using var hsv = new Mat(1, 1, MatType.CV_8UC3, new Scalar(hue * 179.0 % 180, saturation, value));
        using var bgr = new Mat();
        Cv2.CvtColor(hsv, bgr, ColorConversionCodes.HSV2BGR);
        var v = bgr.At<Vec3b>(0, 0);
        return new Scalar(v.Item0, v.Item1, v.Item2);
    }

    public static RotatedRect Ellipse(FaceLayout g, double x, double y, double ax, double ay, double angle = 0)
    {
        var c = g.P(x, y);
        return new RotatedRect(new Point2f((float)c.X, (float)c.Y), new Size2f(2 * ax * g.W, 2 * ay * g.W), (float)angle);
    }

    public static void FillEllipse(Mat img, FaceLayout g, double x, double y, double ax, double ay, Scalar color, double angle = 0) =>
        Cv2.Ellipse(img, Ellipse(g, x, y, ax, ay, angle), color, -1, LineTypes.AntiAlias);

    /// <summary>An antialiased polyline through face-unit points.</summary>
    public static void Polyline(Mat img, FaceLayout g, IEnumerable<(double X, double Y)> points, Scalar color, double thicknessUnits)
    {
        var pts = points.Select(p => g.Pi(p.X, p.Y)).ToArray();
        Cv2.Polylines(img, [pts], false, color, g.L(thicknessUnits), LineTypes.AntiAlias);
    }

    /// <summary>Points of a quadratic Bézier curve from a through control c to b, in face units.</summary>
    public static IEnumerable<(double X, double Y)> Curve((double X, double Y) a, (double X, double Y) c, (double X, double Y) b, int steps = 12)
    {
        for (int i = 0; i <= steps; i++)
        {
            double t = (double)i / steps, u = 1 - t;
            yield return (u * u * a.X + 2 * u * t * c.X + t * t * b.X, u * u * a.Y + 2 * u * t * c.Y + t * t * b.Y);
        }
    }

    public static double Uniform(Random rng, double lo, double hi) => lo + (hi - lo) * rng.NextDouble();

    /// <summary>
    /// Gaussian blur in place; wide kernels run on a downscaled copy, which looks the same for the soft shading
    /// maps it is used on and costs a fraction.
    /// </summary>
    public static void SoftBlur(Mat m, double sigma)
    {
        if (sigma <= 3)
        {
            Cv2.GaussianBlur(m, m, new Size(0, 0), Math.Max(0.5, sigma));
            return;
        }
        double f = sigma / 2;
        var small = new Size(Math.Max(1, (int)Math.Round(m.Cols / f)), Math.Max(1, (int)Math.Round(m.Rows / f)));
        using var low = new Mat();
        Cv2.Resize(m, low, small, 0, 0, InterpolationFlags.Area);
        Cv2.GaussianBlur(low, low, new Size(0, 0), 2);
        Cv2.Resize(low, m, m.Size(), 0, 0, InterpolationFlags.Linear);
    }
}
