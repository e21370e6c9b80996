using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Lips (closed, open, stretched square as in crying), the taut cupped tongue, nasolabial furrows and chin quiver.</summary>
internal static class MouthPainter
{
    public static void Paint(Mat layer, FaceLayout g, FaceSceneSpec spec, Scalar skin)
    {
        var a = spec.Actions;
        var lip = Draw.Scale(Draw.Lerp(skin, new Scalar(95, 95, 205), 0.35), 0.88);
        if (a.NasolabialFurrow > 0.1)
        {
            var furrow = Draw.Lerp(skin, Draw.Scale(skin, 0.5), a.NasolabialFurrow);
            double spread = 0.04 * a.MouthStretchHorizontal;
            foreach (int s in new[] { -1, 1 })
                Draw.Polyline(layer, g, Draw.Curve((s * 0.08, g.NoseY + 0.01), (s * (0.17 + spread), g.NoseY + 0.07), (s * (0.17 + spread), g.MouthY + 0.08)), furrow, 0.008 + 0.012 * a.NasolabialFurrow);
        }
        double hw = 0.085 + 0.05 * a.LipsOpen + 0.08 * a.MouthStretchHorizontal;
        double hh = 0.05 * a.LipsOpen + 0.075 * a.MouthStretchVertical;
        double cy = g.MouthY + 0.45 * hh;
        if (hh < 0.012)
        {
            Draw.FillEllipse(layer, g, 0, g.MouthY, hw * 0.95, 0.03, lip);
            Draw.Polyline(layer, g, Draw.Curve((-hw, g.MouthY - 0.003), (0, g.MouthY + 0.012), (hw, g.MouthY - 0.003)), Draw.Scale(skin, 0.35), 0.012);
        }
        else
        {
            PaintOpenMouth(layer, g, a, hw, hh, cy, lip);
        }
        if (a.ChinQuiver > 0.15)
        {
            var wrinkle = Draw.Lerp(skin, Draw.Scale(skin, 0.6), a.ChinQuiver);
            double chinY = cy + hh + 0.07;
            for (int k = 0; k < 3; k++)
            {
                double y = chinY + 0.025 * k, w = 0.07 - 0.012 * k;
                Draw.Polyline(layer, g, Draw.Curve((-w, y), (0, y + 0.015), (w, y)), wrinkle, 0.007);
            }
        }
    }

    private static void PaintOpenMouth(Mat layer, FaceLayout g, FacialActions a, double hw, double hh, double cy, Scalar lip)
    {
        // A superellipse: squarer as the mouth stretches horizontally, like a crying mouth.
        double n = 2 + 2.5 * a.MouthStretchHorizontal;
        var pts = new Point[48];
        for (int i = 0; i < pts.Length; i++)
        {
            double t = 2 * Math.PI * i / pts.Length, c = Math.Cos(t), s = Math.Sin(t);
            double x = hw * Math.Sign(c) * Math.Pow(Math.Abs(c), 2 / n);
            double y = hh * Math.Sign(s) * Math.Pow(Math.Abs(s), 2 / n);
            pts[i] = g.Pi(x, cy + y);
        }
        using var mouth = new Mat(layer.Size(), MatType.CV_8UC1, Scalar.All(0));
        Cv2.FillPoly(mouth, [pts], Scalar.All(255), LineTypes.AntiAlias);
        layer.SetTo(new Scalar(38, 32, 78), mouth);
        // Tongue: low and rounded at rest; raised, cupped, with a sharp bright rim when taut.
        double taut = a.TautTongue;
        using var tongue = new Mat(layer.Size(), MatType.CV_8UC1, Scalar.All(0));
        double ty = cy + hh * (0.95 - 0.55 * taut);
        Draw.FillEllipse(tongue, g, 0, ty + hh * 0.5, hw * (0.7 + 0.2 * taut), hh * (0.55 + 0.35 * taut), Scalar.All(255));
        Cv2.BitwiseAnd(tongue, mouth, tongue);
        layer.SetTo(new Scalar(115, 118, 205), tongue);
        if (taut > 0.2)
        {
            var rim = Draw.Lerp(new Scalar(115, 118, 205), new Scalar(175, 180, 240), taut);
            Draw.Polyline(layer, g, Draw.Curve((-hw * 0.75, ty - hh * 0.2 * taut), (0, ty + hh * 0.35 * taut), (hw * 0.75, ty - hh * 0.2 * taut)), rim, 0.01);
        }
        Cv2.Polylines(layer, [pts], true, lip, g.L(0.022), LineTypes.AntiAlias);
    }
}
