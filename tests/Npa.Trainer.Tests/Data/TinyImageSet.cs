using System.Globalization;
using OpenCvSharp;

namespace Npa.Trainer.Tests.Data;

/// <summary>Writes a few dozen small class-coded images (colour and grayscale, mixed sizes) plus a manifest, for fast training tests.</summary>
internal static class TinyImageSet
{
    /// <summary>Creates <paramref name="perClass"/> images for each of <paramref name="classes"/> classes under <paramref name="folder"/>/&lt;class&gt;/ and a manifest.csv.</summary>
    public static string Create(string folder, int classes = 8, int perClass = 6, int seed = 7)
    {
        var random = new Random(seed);
        var lines = new List<string> { "path,label" };
        for (int k = 0; k < classes; k++)
        {
            string dir = Path.Combine(folder, k.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            for (int i = 0; i < perClass; i++)
            {
                // Mixed sizes and aspect ratios; every third image grayscale.
                int w = 40 + 8 * (i % 3), h = 48 - 4 * (i % 2);
                bool gray = i % 3 == 0;
                using var image = new Mat(h, w, gray ? MatType.CV_8UC1 : MatType.CV_8UC3, gray ? new Scalar(30) : new Scalar(30, 40, 50));
                // Class code: a bright bar whose vertical position and thickness depend on the class, plus pixel noise.
                int y = 4 + k * (h - 12) / Math.Max(1, classes - 1);
                Cv2.Rectangle(image, new Rect(2, y, w - 4, 4 + k % 3), gray ? new Scalar(230) : new Scalar(220, 200 - 20 * k, 60 + 20 * k), -1);
                using var noise = new Mat(h, w, image.Type());
                Cv2.Randu(noise, new Scalar(0, 0, 0), new Scalar(25, 25, 25));
                Cv2.Add(image, noise, image);
                string name = $"img{i:D2}-{random.Next(1000):D3}.png";
                Cv2.ImWrite(Path.Combine(dir, name), image);
                lines.Add($"{k}/{name},{k}");
            }
        }
        string manifest = Path.Combine(folder, "manifest.csv");
        File.WriteAllLines(manifest, lines);
        return manifest;
    }
}
