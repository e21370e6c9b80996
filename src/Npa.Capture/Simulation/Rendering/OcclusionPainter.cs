using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Ward occluders drawn in face coordinates so they move with the head. Frame exit is placement, not drawing.</summary>
internal static class OcclusionPainter
{
    public static void Paint(Mat layer, Mat mask, FaceLayout g, FaceSceneSpec spec, Random rng)
    {
        switch (spec.Occlusion)
        {
            case OcclusionKind.CpapMask: CpapMask(layer, mask, g, rng); break;
            case OcclusionKind.NasalCannula: NasalCannula(layer, mask, g, rng); break;
            case OcclusionKind.Tape: Tape(layer, mask, g, rng); break;
            case OcclusionKind.Pacifier: Pacifier(layer, mask, g, rng); break;
            case OcclusionKind.GlovedHand: GlovedHand(layer, mask, g, rng); break;
            case OcclusionKind.None:
            case OcclusionKind.FrameExit:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Occlusion, "unknown occlusion kind");
        }
    }

    private static void Both(Mat layer, Mat mask, Action<Mat, Scalar> draw, Scalar color)
    {
        draw(layer, color);
        draw(mask, Scalar.All(255));
    }

    private static void CpapMask(Mat layer, Mat mask, FaceLayout g, Random rng)
    {
        var strap = Draw.Hsv(Draw.Uniform(rng, 0, 1), 40, 225);
        foreach (int s in new[] { -1, 1 })
            Both(layer, mask, (m, c) => Draw.Polyline(m, g, [(s * 0.12, 0.1), (s * 0.58, -0.05)], c, 0.045), strap);
        Both(layer, mask, (m, c) => Draw.Polyline(m, g, [(0, 0.35), (Draw.Uniform(rng, -0.4, 0.4), 0.98)], c, 0.09), new Scalar(215, 205, 170));
        using var shell = layer.Clone();
        Draw.FillEllipse(shell, g, 0, 0.13, 0.19, 0.21, new Scalar(228, 230, 222));
        Cv2.AddWeighted(shell, 0.75, layer, 0.25, 0, shell);
        using var region = new Mat(layer.Size(), MatType.CV_8UC1, Scalar.All(0));
        Draw.FillEllipse(region, g, 0, 0.13, 0.19, 0.21, Scalar.All(255));
        shell.CopyTo(layer, region);
        Cv2.BitwiseOr(mask, region, mask);
        Cv2.Ellipse(layer, Draw.Ellipse(g, 0, 0.13, 0.19, 0.21), new Scalar(160, 165, 160), g.L(0.012), LineTypes.AntiAlias);
    }

    private static void NasalCannula(Mat layer, Mat mask, FaceLayout g, Random rng)
    {
        var tube = new Scalar(200, 225, 200);
        double sag = Draw.Uniform(rng, 0.02, 0.06);
        foreach (int s in new[] { -1, 1 })
        {
            Both(layer, mask, (m, c) => Draw.Polyline(m, g, Draw.Curve((s * 0.04, g.NoseY + 0.03), (s * 0.3, g.NoseY + 0.03 + sag), (s * 0.75, g.NoseY - 0.05)), c, 0.022), tube);
            Both(layer, mask, (m, c) => Draw.FillEllipse(m, g, s * 0.3, g.NoseY + 0.04, 0.08, 0.045, c, s * 10), new Scalar(205, 225, 235));
        }
    }

    private static void Tape(Mat layer, Mat mask, FaceLayout g, Random rng)
    {
        int s = rng.Next(2) == 0 ? -1 : 1;
        var tape = new Scalar(210, 225, 235);
        Both(layer, mask, (m, c) => Draw.FillEllipse(m, g, s * 0.25, 0.12, 0.12, 0.06, c, s * -15), tape);
        Both(layer, mask, (m, c) => Draw.FillEllipse(m, g, 0, (g.NoseY + g.MouthY) / 2, 0.1, 0.035, c), tape);
        Both(layer, mask, (m, c) => Draw.Polyline(m, g, [(s * 0.06, g.MouthY), (s * 0.3, 0.12), (s * 0.9, 0.3)], c, 0.03), new Scalar(120, 200, 225));
    }

    private static void Pacifier(Mat layer, Mat mask, FaceLayout g, Random rng)
    {
        var color = Draw.Hsv(Draw.Uniform(rng, 0, 1), 150, 220);
        Both(layer, mask, (m, c) => Draw.FillEllipse(m, g, 0, g.MouthY + 0.02, 0.15, 0.1, c), color);
        Draw.FillEllipse(layer, g, 0, g.MouthY + 0.02, 0.05, 0.04, Draw.Scale(color, 0.7));
        Both(layer, mask, (m, c) => Cv2.Ellipse(m, Draw.Ellipse(g, 0, g.MouthY + 0.15, 0.06, 0.06), c, g.L(0.022), LineTypes.AntiAlias), Draw.Scale(color, 0.85));
    }

    private static void GlovedHand(Mat layer, Mat mask, FaceLayout g, Random rng)
    {
        var glove = Draw.Hsv(Draw.Uniform(rng, 0.55, 0.78), Draw.Uniform(rng, 90, 160), Draw.Uniform(rng, 150, 220));
        int s = rng.Next(2) == 0 ? -1 : 1;
        double py = Draw.Uniform(rng, -0.35, 0.15);
        // Palm just off the face edge, fingers reaching across a brow and an eye or a cheek.
        Both(layer, mask, (m, c) => Draw.FillEllipse(m, g, s * 0.62, py, 0.2, 0.16, c, s * 20), glove);
        for (int k = 0; k < 4; k++)
        {
            double fy = py - 0.12 + 0.075 * k, reach = 0.2 + 0.06 * (k == 1 || k == 2 ? 1 : 0);
            Both(layer, mask, (m, c) => Draw.Polyline(m, g, [(s * 0.55, fy), (s * reach, fy + 0.03)], c, 0.07), glove);
        }
        Both(layer, mask, (m, c) => Draw.Polyline(m, g, [(s * 0.7, py + 0.1), (s * 0.95, py + 0.5)], c, 0.2), glove);
    }
}
