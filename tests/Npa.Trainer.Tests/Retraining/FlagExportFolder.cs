using System.Globalization;
using OpenCvSharp;

namespace Npa.Trainer.Tests.Retraining;

/// <summary>Writes a folder shaped like <c>npa-monitor flags export</c>'s output: crops plus manifest.csv with its extra columns.</summary>
internal static class FlagExportFolder
{
    public const string Header = "path,label,id,bed,time,predicted_level,confidence,reasons,alpha,model_id,status,label_source,annotator";

    /// <summary>One row: (id, bed, label cell, label source); the crop is a small class-coded image drawn from <paramref name="seed"/> and the id.</summary>
    public static string Create(string folder, IEnumerable<(string Id, string Bed, string Label, string Source)> rows, int seed = 3)
    {
        Directory.CreateDirectory(folder);
        var lines = new List<string> { Header };
        foreach (var (id, bed, label, source) in rows)
        {
            WriteCrop(Path.Combine(folder, id + ".png"), int.TryParse(label, out int k) ? k : 0, seed * 7919 + Convert.ToInt32(id[^6..], 16));
            lines.Add(string.Join(',', $"{id}.png", label, id, bed, "2026-12-02T10:00:00.000Z", "3", "0.31", "low_confidence", "0.2",
                "npa-demo-synthetic", "labelled", source, source == "annotator" ? "nurse-a" : ""));
        }
        string manifest = Path.Combine(folder, "manifest.csv");
        File.WriteAllLines(manifest, lines);
        return manifest;
    }

    /// <summary>A bar at a class-dependent height plus seeded noise, like TinyImageSet's.</summary>
    public static void WriteCrop(string path, int label, int seed)
    {
        using var image = new Mat(44, 44, MatType.CV_8UC3, new Scalar(30, 40, 50));
        Cv2.Rectangle(image, new Rect(2, 4 + label * 4, 40, 4), new Scalar(220, 200 - 20 * label, 60 + 20 * label), -1);
        using var noise = new Mat(44, 44, image.Type());
        Cv2.SetTheRNG((ulong)seed);
        Cv2.Randu(noise, new Scalar(0, 0, 0), new Scalar(25, 25, 25));
        Cv2.Add(image, noise, image);
        Cv2.ImWrite(path, image);
    }

    public static string Id(int i) => i.ToString("x32", CultureInfo.InvariantCulture);
}
