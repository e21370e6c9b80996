using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

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

        // Edge darkening from the distance to the silhouette, and a side darkening that sells the yaw.
        using var dist = new Mat();
        Cv2.DistanceTransform(mask, dist, DistanceTypes.L2, DistanceTransformMasks.Mask3);
        EdgeAndYaw(offset, dist, g, spec.Yaw);
        using var sheen = Sheen(mask, g, spec);
        double amplitude = 12 + 30.0 * spec.SkinTone / SkinTonePalette.Darkest;
        Shade(layer, offset, sheen, mask, (float)(amplitude / 255.0));
    }

    /// <summary>
    /// shade = (1 + offset) · min(0.5 + 0.45·dist / (0.2·W), 1) · yaw ramp, in one pass over the floats: the OpenCV
    /// calls this replaces (add, convert, min, multiply, repeat, multiply) each walked the patch, and dominated the paint.
    /// </summary>
    private static void EdgeAndYaw(Mat offset, Mat dist, FaceLayout g, double yaw)
    {
        float scale = (float)(0.45 / (0.2 * g.W));
        int rows = offset.Rows, cols = offset.Cols;
        float[]? ramp = null;
        if (Math.Abs(yaw) > 0.02)
        {
            ramp = new float[cols];
            for (int x = 0; x < cols; x++)
                ramp[x] = (float)(1 - 0.3 * yaw * Math.Clamp((x - g.Origin.X) / (0.5 * g.W), -1, 1));
        }
        var offsetRows = offset.AsRows<float>();
        var distRows = dist.AsRows<float>();
        for (int y = 0; y < rows; y++)
        {
            Span<float> o = offsetRows[y];
            ReadOnlySpan<float> d = distRows[y];
            for (int x = 0; x < cols; x++)
            {
                float v = (1f + o[x]) * MathF.Min(d[x] * scale + 0.5f, 1f);
                o[x] = ramp is null ? v : v * ramp[x];
            }
        }
    }

    /// <summary>
    /// layer·shade + sheen·mask·sheenScale per channel, in one pass over the bytes (float Mats and channel merges cost
    /// several times more).
    /// </summary>
    private static void Shade(Mat layer, Mat shade, Mat sheen, Mat mask, float sheenScale)
    {
        var layerRows = layer.AsRows<byte>();
        var shadeRows = shade.AsRows<float>();
        var sheenRows = sheen.AsRows<float>();
        var maskRows = mask.AsRows<byte>();
        int rows = layer.Rows;
        for (int y = 0; y < rows; y++)
        {
            Span<byte> p = layerRows[y];
            ReadOnlySpan<float> k = shadeRows[y], gloss = sheenRows[y];
            ReadOnlySpan<byte> inside = maskRows[y];
            for (int x = 0, i = 0; x < k.Length; x++, i += 3)
            {
                float add = gloss[x] * (inside[x] * sheenScale);
                p[i] = Pixel.Round(p[i] * k[x] + add);
                p[i + 1] = Pixel.Round(p[i + 1] * k[x] + add);
                p[i + 2] = Pixel.Round(p[i + 2] * k[x] + add);
            }
        }
    }

    /// <summary>
    /// Additive skin sheen on the forehead, nose bridge and cheeks, before <see cref="Shade"/> keeps it inside the head's
    /// mask and scales it: it is stronger on darker skin, where it keeps the bright-cheek/dark-socket contrast a detector needs.
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
            return sheen;
        }
        catch
        {
            sheen.Dispose();
            throw;
        }
    }
}
