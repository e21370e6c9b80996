using System.Globalization;
using Npa.Shared.Datasets;
using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// Writes a synthetic neonatal pain dataset: square face crops as PNG, a manifest CSV (noisy <c>label</c>,
/// <c>clean_label</c>, subject, split, occlusion, pose), a Table-I-like summary and a contact sheet.
/// Deterministic for a given seed, whatever the thread count.
/// </summary>
public static class SyntheticDatasetGenerator
{
    public const string ManifestFileName = "manifest.csv";
    public const string SummaryFileName = "summary.md";
    public const string ContactSheetFileName = "contact-sheet.png";

    public static SyntheticDatasetResult Generate(SyntheticDatasetOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string root = Path.GetFullPath(options.OutputDirectory);
        var plans = Plan(options);
        AssignSplits(plans, options);
        SyntheticNoise.Apply(plans, options);

        Directory.CreateDirectory(Path.Combine(root, "images"));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        Parallel.ForEach(plans, parallel, plan =>
        {
            using var crop = RenderCrop(plan.Spec, options.ImageSize);
            string path = Path.Combine(root, plan.RelativePath);
            if (!Cv2.ImWrite(path, crop)) throw new IOException($"could not write {path}");
            progress?.Report(1);
        });

        var entries = plans.Select(p => ToEntry(p, root)).ToList();
        string manifest = Path.Combine(root, ManifestFileName);
        DatasetManifestWriter.Write(manifest, entries);
        var summary = new DatasetSummary(entries);
        string summaryPath = Path.Combine(root, SummaryFileName);
        File.WriteAllText(summaryPath, SummaryMarkdown(options, summary));
        string sheetPath = Path.Combine(root, ContactSheetFileName);
        WriteContactSheet(plans, root, sheetPath, options);
        return new SyntheticDatasetResult(entries, manifest, summaryPath, sheetPath, summary);
    }

    /// <summary>Renders the scene at twice the crop size and cuts a square 1.3 face boxes wide around the face, padding past the frame edge with black.</summary>
    public static Mat RenderCrop(FaceSceneSpec spec, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var canvas = new Size(2 * imageSize, 2 * imageSize);
        using var face = NeonateFaceRenderer.Render(spec, canvas);
        var box = face.FaceBox;
        int side = (int)Math.Round(1.3 * box.Width);
        var square = new Rect(box.X + box.Width / 2 - side / 2, box.Y + box.Height / 2 - side / 2, side, side);
        var inside = square & new Rect(0, 0, canvas.Width, canvas.Height);
        using var padded = new Mat(side, side, MatType.CV_8UC3, Scalar.All(0));
        if (inside.Width > 0 && inside.Height > 0)
        {
            using var src = new Mat(face.Image, inside);
            using var dst = new Mat(padded, new Rect(inside.X - square.X, inside.Y - square.Y, inside.Width, inside.Height));
            src.CopyTo(dst);
        }
        var crop = new Mat();
        Cv2.Resize(padded, crop, new Size(imageSize, imageSize), 0, 0, InterpolationFlags.Area);
        return crop;
    }

    private static List<SyntheticImagePlan> Plan(SyntheticDatasetOptions o)
    {
        var counts = o.Distribution.Counts(o.Count);
        var labels = Enumerable.Range(0, counts.Length).SelectMany(c => Enumerable.Repeat(c, counts[c])).ToArray();
        new Random(SeedMix.Combine(o.Seed, 0x1ABE1)).Shuffle(labels);
        var canvas = new Size(2 * o.ImageSize, 2 * o.ImageSize);
        var sampler = new FaceSceneSamplerOptions { MinFaceFraction = 0.3, MaxFaceFraction = 0.42, OcclusionRate = o.OcclusionRate };
        var plans = new List<SyntheticImagePlan>(labels.Length);
        SubjectAppearance? subject = null;
        for (int i = 0; i < labels.Length; i++)
        {
            int s = i / o.ImagesPerSubject;
            if (i % o.ImagesPerSubject == 0) subject = SubjectAppearance.Random(new Random(SeedMix.Combine(o.Seed, s, 1)));
            var spec = FaceSceneSampler.Sample(labels[i], subject!, canvas, sampler, new Random(SeedMix.Combine(o.Seed, i, 2)));
            plans.Add(new SyntheticImagePlan(i, labels[i], string.Create(CultureInfo.InvariantCulture, $"s{s:D4}"), spec) { Label = labels[i] });
        }
        return plans;
    }

    private static void AssignSplits(List<SyntheticImagePlan> plans, SyntheticDatasetOptions o)
    {
        var subjects = plans.GroupBy(p => p.Subject).ToList();
        var splits = SubjectSplitter.Split(subjects.Select(g => (IReadOnlyList<int>)g.Select(p => p.CleanLabel).ToList()).ToList(), o.TrainFraction, SeedMix.Combine(o.Seed, 0x5911));
        for (int s = 0; s < subjects.Count; s++)
            foreach (var p in subjects[s]) p.Split = splits[s];
    }

    private static DatasetEntry ToEntry(SyntheticImagePlan p, string root)
    {
        var s = p.Spec;
        var extra = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["occlusion"] = s.Occlusion.ToString(),
            ["skin_tone"] = s.SkinTone.ToString(CultureInfo.InvariantCulture),
            ["roll_deg"] = s.RollDegrees.ToString("F1", CultureInfo.InvariantCulture),
            ["yaw"] = s.Yaw.ToString("F2", CultureInfo.InvariantCulture),
            ["face_px"] = s.FaceWidth.ToString("F0", CultureInfo.InvariantCulture),
            ["background"] = s.Background.ToString(),
            ["grimace"] = s.Actions.Mean.ToString("F3", CultureInfo.InvariantCulture),
        };
        return new DatasetEntry(Path.Combine(root, p.RelativePath), p.Label)
        {
            CleanLabel = p.CleanLabel,
            Subject = p.Subject,
            Split = p.Split,
            Occluded = s.IsOccluded,
            Extra = extra,
        };
    }

    private static string SummaryMarkdown(SyntheticDatasetOptions o, DatasetSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"# Synthetic neonatal pain set\n\n{o.Count} images of {o.ImageSize} px, seed {o.Seed}, class distribution {o.Distribution.Name}, " +
        $"{o.ImagesPerSubject} images per subject, split by subject {o.TrainFraction:P0}/{1 - o.TrainFraction:P0}, occlusion rate {o.OcclusionRate:P0}, " +
        $"noise {o.Noise} {o.NoiseFraction:P0}{(o.Noise == LabelNoiseMode.Occlusion ? $" (occluded {o.OccludedNoiseRate:P0})" : "")}" +
        $"{(o.NoisyTestSplit ? " on both splits" : " on the training split")}.\n\n{summary.ToMarkdown()}");

    private static void WriteContactSheet(List<SyntheticImagePlan> plans, string root, string path, SyntheticDatasetOptions o)
    {
        var rows = new List<IReadOnlyList<Mat>>();
        var labels = new List<string>();
        try
        {
            foreach (var group in plans.GroupBy(p => p.CleanLabel).OrderBy(g => g.Key))
            {
                rows.Add(group.Take(o.ContactSheetColumns).Select(p => Cv2.ImRead(Path.Combine(root, p.RelativePath), ImreadModes.Color)).ToList());
                labels.Add(ContactSheet.NipsLabel(group.Key));
            }
            using var sheet = ContactSheet.Compose(rows, labels, Math.Min(o.ImageSize, 128));
            if (!Cv2.ImWrite(path, sheet)) throw new IOException($"could not write {path}");
        }
        finally
        {
            foreach (var row in rows)
                foreach (var m in row) m.Dispose();
        }
    }
}
