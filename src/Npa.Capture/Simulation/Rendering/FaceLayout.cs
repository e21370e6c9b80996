using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>
/// Canonical (unrolled) face geometry inside a square drawing patch. Positions are given in face widths from
/// the face centre, y down; <see cref="P(double,double)"/> maps them to patch pixels with the yaw shift applied.
/// </summary>
internal sealed class FaceLayout
{
    public FaceLayout(FaceSceneSpec spec)
    {
        W = spec.FaceWidth;
        Aspect = spec.Aspect;
        Yaw = spec.Yaw;
        PatchSize = (int)Math.Ceiling(W * 2.2) | 1;
        Origin = new Point2d(PatchSize / 2.0, PatchSize / 2.0);
    }

    /// <summary>Face width in pixels.</summary>
    public double W { get; }

    public double Aspect { get; }

    public double Yaw { get; }

    public int PatchSize { get; }

    /// <summary>Face centre in patch pixels.</summary>
    public Point2d Origin { get; }

    /// <summary>Vertical centre of the face oval (cheeks and chin), in face widths.</summary>
    public double OvalCenterY { get; } = 0.06;

    public double EyeY { get; } = -0.11;

    public double EyeX { get; } = 0.2;

    public double BrowY { get; } = -0.22;

    public double NoseY { get; } = 0.07;

    public double MouthY { get; } = 0.23;

    /// <summary>Patch pixel of a face-unit position; inner features move with yaw, the outline barely does.</summary>
    public Point2d P(double x, double y)
    {
        double shift = Yaw * 0.14 * Math.Cos(Math.Clamp(x / 0.5, -1, 1) * Math.PI / 2);
        double squeeze = 1 - 0.25 * Math.Abs(Yaw) * Math.Max(0, Math.Sign(Yaw) * x / 0.5);
        return new Point2d(Origin.X + (x * squeeze + shift) * W, Origin.Y + y * W);
    }

    /// <summary>Integer patch pixel of a face-unit position.</summary>
    public Point Pi(double x, double y)
    {
        var p = P(x, y);
        return new Point((int)Math.Round(p.X), (int)Math.Round(p.Y));
    }

    /// <summary>A length in face widths, in pixels (at least 1).</summary>
    public int L(double units) => Math.Max(1, (int)Math.Round(units * W));

    /// <summary>Axes of an ellipse given in face widths.</summary>
    public Size Axes(double ax, double ay) => new(Math.Max(1, (int)Math.Round(ax * W)), Math.Max(1, (int)Math.Round(ay * W)));

    /// <summary>Half-height of the face oval in face widths.</summary>
    public double OvalHalfHeight => 0.5 * Aspect;
}
