using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Camera effects: optical blur, then lighting gradient, exposure and sensor noise in one pass, then a JPEG round trip.</summary>
internal static class SceneDegrader
{
    public static void Apply(Mat scene, FaceSceneSpec spec, Random rng)
    {
        if (spec.BlurSigma > 0.05) Cv2.GaussianBlur(scene, scene, new Size(0, 0), spec.BlurSigma);
        LightAndNoise(scene, spec, rng);
        if (spec.JpegQuality > 0)
        {
            Cv2.ImEncode(".jpg", scene, out byte[] jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, spec.JpegQuality));
            using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
            decoded.CopyTo(scene);
        }
    }

    private static void LightAndNoise(Mat scene, FaceSceneSpec spec, Random rng)
    {
        int rows = scene.Rows, cols = scene.Cols;
        double cos = Math.Cos(spec.LightAngle), sin = Math.Sin(spec.LightAngle);
        double half = 0.5 * Math.Sqrt(cols * (double)cols + rows * (double)rows);
        // Gain is linear in x and y: gain = g0 + gx * x + gy * y.
        double gx = spec.Exposure * spec.LightStrength * cos / half, gy = spec.Exposure * spec.LightStrength * sin / half;
        double g0 = spec.Exposure - gx * cols / 2.0 - gy * rows / 2.0;
        // Our own generator, not Cv2.Randn: OpenCV's RNG is process-global state and would break determinism.
        // Two uniform bytes per value: (b1 + b2 - 255) has variance 2 * (256^2 - 1) / 12, close to Gaussian.
        int values = 3 * cols;
        var noise = new SensorNoise(rng.Next());
        bool noisy = spec.NoiseSigma > 0;
        var first = new byte[noisy ? values : 0];
        var second = new byte[noisy ? values : 0];
        // The column part of the gain, shared by every row; each row adds its own offset.
        var columnGain = new float[values];
        for (int x = 0, i = 0; x < cols; x++, i += 3)
            columnGain[i] = columnGain[i + 1] = columnGain[i + 2] = (float)(gx * x);
        float k = (float)(spec.NoiseSigma / Math.Sqrt(2 * (256.0 * 256 - 1) / 12));
        var rowsAccess = scene.AsRows<byte>();
        for (int y = 0; y < rows; y++)
        {
            float rowGain = (float)(g0 + gy * y);
            if (noisy)
            {
                noise.Fill(first);
                noise.Fill(second);
                Pixel.MultiplyAddNoise(rowsAccess[y], columnGain, rowGain, first, second, k);
            }
            else
            {
                Pixel.MultiplyAdd(rowsAccess[y], columnGain, rowGain);
            }
        }
    }

}
