using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// Soft 3-D shading of the head: eye-socket shadows, a bright nose bridge with darker sides, cheek highlights,
/// darkening towards the edge, and the pain-driven bulges and furrows. These contrasts are what face
/// detectors key on (they lifted Haar from about 70 % to about 96 % in a trial renderer).
/// </summary>
internal static class ShadingPainter
{
    public static void Apply(Mat layer, Mat mask, FaceLayout g, FaceSceneSpec spec)
    {
        var a = spec.Actions;
        using var offset = new Mat(layer.Size(), MatType.CV_32FC1, Scalar.All(0));
        void E(double x, double y, double ax, double ay, double v) => Draw.FillEllipse(offset, g, x, y, ax, ay, Scalar.All(v));
        E(0, -0.42, 0.3, 0.16, 0.05);
        foreach (int s in new[] { -1, 1 })
        {
            E(s * 0.24, 0.07 - 0.035 * a.EyeSqueeze, 0.1, 0.075, 0.14 + 0.06 * a.EyeSqueeze);
            E(s * g.EyeX, g.EyeY - 0.008, 0.115, 0.068, -0.36 - 0.1 * a.EyeSqueeze);
            E(s * 0.066, -0.02, 0.024, 0.085, -0.17);
            E(s * 0.065, g.NoseY, 0.028, 0.025, -0.14);
            if (a.NasolabialFurrow > 0.1)
                Draw.Polyline(offset, g, Draw.Curve((s * 0.085, g.NoseY + 0.02), (s * 0.18, g.NoseY + 0.08), (s * 0.18, g.MouthY + 0.07)), Scalar.All(-0.35 * a.NasolabialFurrow), 0.025);
        }
        E(0, -0.05, 0.034, 0.1, 0.15);
        E(0, g.NoseY - 0.01, 0.045, 0.03, 0.13);
        E(0, (g.NoseY + g.MouthY) / 2, 0.03, 0.035, -0.06);
        if (a.BrowBulge > 0.05)
        {
            E(0, g.BrowY - 0.02, 0.09, 0.045, 0.12 * a.BrowBulge);
            foreach (int s in new[] { -1, 1 })
                E(s * 0.035, g.BrowY + 0.01, 0.012, 0.05, -0.3 * a.BrowBulge);
        }
        if (a.ChinQuiver > 0.1)
            E(0, g.MouthY + 0.16, 0.08, 0.05, 0.1 * a.ChinQuiver);
        Draw.SoftBlur(offset, 0.03 * g.W);
        Cv2.Add(offset, Scalar.All(1), offset);

        // Edge darkening from the distance to the silhouette, and a side darkening that sells the yaw.
        using var dist = new Mat();
        Cv2.DistanceTransform(mask, dist, DistanceTypes.L2, DistanceTransformMasks.Mask3);
        using var edge = new Mat();
        dist.ConvertTo(edge, MatType.CV_32FC1, 0.45 / (0.2 * g.W), 0.5);
        Cv2.Min(edge, 1.0, edge);
        Cv2.Multiply(offset, edge, offset);
        if (Math.Abs(spec.Yaw) > 0.02)
        {
            int cols = layer.Cols;
            var values = new float[cols];
            for (int x = 0; x < cols; x++)
                values[x] = (float)(1 - 0.3 * spec.Yaw * Math.Clamp((x - g.Origin.X) / (0.5 * g.W), -1, 1));
            using var ramp = Mat.FromPixelData(1, cols, MatType.CV_32FC1, values);
            using var ramps = new Mat();
            Cv2.Repeat(ramp, layer.Rows, 1, ramps);
            Cv2.Multiply(offset, ramps, offset);
        }
        using var sheen = Sheen(mask, g, spec);
        Shade(layer, offset, sheen);
    }

    /// <summary>layer·shade + sheen per channel, in one pass over the bytes (float Mats and channel merges cost several times more).</summary>
    private static void Shade(Mat layer, Mat shade, Mat sheen)
    {
        var layerRows = layer.AsRows<byte>();
        var shadeRows = shade.AsRows<float>();
        var sheenRows = sheen.AsRows<float>();
        int rows = layer.Rows;
        for (int y = 0; y < rows; y++)
        {
            Span<byte> p = layerRows[y];
            ReadOnlySpan<float> k = shadeRows[y], add = sheenRows[y];
            for (int x = 0, i = 0; x < k.Length; x++, i += 3)
            {
                p[i] = Pixel.Round(p[i] * k[x] + add[x]);
                p[i + 1] = Pixel.Round(p[i + 1] * k[x] + add[x]);
                p[i + 2] = Pixel.Round(p[i + 2] * k[x] + add[x]);
            }
        }
    }

    /// <summary>
    /// Additive skin sheen on the forehead, nose bridge and cheeks, inside the head's mask. It is stronger on darker
    /// skin, where it is what keeps the bright-cheek/dark-socket contrast a detector needs.
    /// </summary>
    private static Mat Sheen(Mat mask, FaceLayout g, FaceSceneSpec spec)
    {
        var sheen = new Mat(mask.Size(), MatType.CV_32FC1, Scalar.All(0));
        try
        {
            void E(double x, double y, double ax, double ay, double v) => Draw.FillEllipse(sheen, g, x, y, ax, ay, Scalar.All(v));
            E(0, -0.36, 0.16, 0.07, 0.6);
            E(0, -0.04, 0.022, 0.08, 1.0);
            E(0, g.NoseY - 0.01, 0.03, 0.02, 0.9);
            foreach (int s in new[] { -1, 1 })
                E(s * 0.25, 0.06 - 0.03 * spec.Actions.EyeSqueeze, 0.07, 0.045, 0.8);
            Draw.SoftBlur(sheen, 0.035 * g.W);
            double amplitude = 12 + 30.0 * spec.SkinTone / SkinTonePalette.Darkest;
            using var inside = new Mat();
            mask.ConvertTo(inside, MatType.CV_32FC1, amplitude / 255.0);
            Cv2.Multiply(sheen, inside, sheen);
            return sheen;
        }
        catch
        {
            sheen.Dispose();
            throw;
        }
    }
}
