using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Intersection over union of axis-aligned boxes.</summary>
public static class BoxMath
{
    public static double IoU(Rect a, Rect b)
    {
        var i = a & b;
        if (i.Width <= 0 || i.Height <= 0) return 0;
        double inter = (double)i.Width * i.Height;
        return inter / ((double)a.Width * a.Height + (double)b.Width * b.Height - inter);
    }
}
