using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Brows (lowered and drawn together by brow bulge), eyes (open, asleep or squeezed shut) and nostrils.</summary>
internal static class EyeBrowPainter
{
    public static void Paint(Mat layer, FaceLayout g, FaceSceneSpec spec, Scalar skin)
    {
        var a = spec.Actions;
        var browColor = Draw.Scale(skin, 0.72);
        foreach (int s in new[] { -1, 1 })
        {
            double drop = 0.035 * a.BrowBulge, pull = 0.03 * a.BrowBulge;
            var inner = (s * (0.09 - pull), g.BrowY + drop + 0.01);
            var outer = (s * 0.31, g.BrowY + 0.03);
            var peak = (s * 0.2, g.BrowY - 0.035 + 0.02 * a.BrowBulge);
            Draw.Polyline(layer, g, Draw.Curve(inner, peak, outer), browColor, 0.022);
            PaintEye(layer, g, spec, s, skin);
            Draw.FillEllipse(layer, g, s * 0.045, g.NoseY + 0.015, 0.02, 0.012, Draw.Scale(skin, 0.38), s * 20);
        }
        if (a.BrowBulge > 0.1)
        {
            // Vertical furrows between the brows.
            var furrow = Draw.Lerp(skin, Draw.Scale(skin, 0.55), a.BrowBulge);
            foreach (int s in new[] { -1, 1 })
                Draw.Polyline(layer, g, Draw.Curve((s * 0.03, g.BrowY - 0.05), (s * 0.04, g.BrowY), (s * 0.035, g.BrowY + 0.06)), furrow, 0.01 + 0.008 * a.BrowBulge);
        }
    }

    private static void PaintEye(Mat layer, FaceLayout g, FaceSceneSpec spec, int s, Scalar skin)
    {
        double squeeze = spec.Actions.EyeSqueeze;
        double open = spec.EyeOpenness * Math.Pow(1 - squeeze, 1.5);
        double cx = s * g.EyeX, cy = g.EyeY + 0.012 * squeeze;
        double hw = 0.075 * (1 - 0.25 * squeeze);
        var lash = new Scalar(25, 25, 35);
        if (open > 0.15)
        {
            double hh = 0.038 * open;
            Draw.FillEllipse(layer, g, cx, cy, hw, hh, new Scalar(40, 42, 52));
            // A sliver of sclera at both corners, lighter than the large neonatal iris.
            Draw.FillEllipse(layer, g, cx - 0.055, cy, 0.018, hh * 0.55, new Scalar(170, 175, 185));
            Draw.FillEllipse(layer, g, cx + 0.055, cy, 0.018, hh * 0.55, new Scalar(170, 175, 185));
            Draw.FillEllipse(layer, g, cx, cy, 0.033, Math.Min(0.033, hh), new Scalar(22, 22, 28));
            Draw.Polyline(layer, g, Draw.Curve((cx - hw, cy), (cx, cy - 2 * hh), (cx + hw, cy)), lash, 0.014);
        }
        else
        {
            // Closed lid: a lash line curving down; squeezing makes it shorter, thicker and creased.
            double sag = 0.02 * (1 - squeeze) + 0.005;
            Draw.Polyline(layer, g, Draw.Curve((cx - hw, cy), (cx, cy + sag), (cx + hw, cy)), lash, 0.012 + 0.01 * squeeze);
            if (squeeze > 0.2)
            {
                var crease = Draw.Lerp(skin, Draw.Scale(skin, 0.55), squeeze);
                double ox = cx + s * hw;
                for (int k = -1; k <= 1; k++)
                    Draw.Polyline(layer, g, [(ox + s * 0.01, cy + 0.015 * k), (ox + s * 0.06, cy + 0.035 * k)], crease, 0.008);
                Draw.Polyline(layer, g, Draw.Curve((cx - hw * 0.8, cy + 0.035), (cx, cy + 0.055), (cx + hw * 0.8, cy + 0.035)), crease, 0.008);
                Draw.Polyline(layer, g, Draw.Curve((cx - hw * 0.9, cy - 0.035), (cx, cy - 0.06), (cx + hw * 0.9, cy - 0.035)), crease, 0.008);
            }
        }
    }

    /// <summary>Catchlights go on after shading so they stay bright.</summary>
    public static void PaintCatchlights(Mat layer, FaceLayout g, FaceSceneSpec spec)
    {
        double open = spec.EyeOpenness * Math.Pow(1 - spec.Actions.EyeSqueeze, 1.5);
        if (open <= 0.15) return;
        foreach (int s in new[] { -1, 1 })
            Draw.FillEllipse(layer, g, s * g.EyeX + 0.012, g.EyeY - 0.012 * open, 0.009, 0.009, new Scalar(240, 245, 250));
    }
}
