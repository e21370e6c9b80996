using System.Globalization;
using Npa.Capture.Quality;
using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Datasets;
using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// Writes a synthetic neonatal pain dataset: square face crops as PNG (cut around the true box, or from full camera frames
/// by the bedside capture chain), a manifest CSV (noisy <c>label</c>,
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

        Directory.CreateDirectory(Path.Combine(root, "images"));
        var refused = new QualityReasons[plans.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        if (options.Render == SyntheticRender.CameraFrame)
        {
            var canvas = new Size(options.CameraWidth, options.CameraHeight);
            // One capture chain per worker: detectors are not thread-safe.
            Parallel.For(0, plans.Count, parallel, () => new CameraFrameCropper(options.Capture), (i, _, cropper) =>
            {
                var (crop, reasons) = cropper.Cut(plans[i].Spec, canvas);
                refused[i] = reasons;
                if (crop is not null) using (crop) Write(crop, Path.Combine(root, plans[i].RelativePath));
                progress?.Report(1);
                return cropper;
            }, cropper => cropper.Dispose());
        }
        else
        {
            Parallel.ForEach(plans, parallel, plan =>
            {
                using var crop = RenderCrop(plan.Spec, options.ImageSize);
                Write(crop, Path.Combine(root, plan.RelativePath));
                progress?.Report(1);
            });
        }

        // Only what the bedside would score becomes data; noise goes on afterwards so its rates hold on what is kept.
        plans = plans.Where(p => refused[p.Index] == QualityReasons.None).ToList();
        SyntheticNoise.Apply(plans, options);
        var refusedCounts = refused.Where(r => r != QualityReasons.None).GroupBy(r => r.ToString())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var entries = plans.Select(p => ToEntry(p, root)).ToList();
        string manifest = Path.Combine(root, ManifestFileName);
        DatasetManifestWriter.Write(manifest, entries);
        var summary = new DatasetSummary(entries);
        string summaryPath = Path.Combine(root, SummaryFileName);
        File.WriteAllText(summaryPath, SummaryMarkdown(options, summary, refusedCounts));
        string sheetPath = Path.Combine(root, ContactSheetFileName);
        WriteContactSheet(plans, root, sheetPath, options);
        return new SyntheticDatasetResult(entries, manifest, summaryPath, sheetPath, summary) { Refused = refusedCounts };
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

    private static void Write(Mat image, string path)
    {
        if (!Cv2.ImWrite(path, image)) throw new IOException($"could not write {path}");
    }

    // Camera frames span the simulated bedside camera's placements (face 0.32–0.45 of the shorter side, roll ±8° plus
    // agitation, yaw ±0.12) with room to spare, so that a new bed's camera is not outside what training saw.
    private static readonly FaceSceneSamplerOptions CameraPlacement = new() { MinFaceFraction = 0.26, MaxFaceFraction = 0.52, MaxRollDegrees = 16, MaxYaw = 0.2 };

    private static List<SyntheticImagePlan> Plan(SyntheticDatasetOptions o)
    {
        var counts = o.Distribution.Counts(o.Count);
        var labels = Enumerable.Range(0, counts.Length).SelectMany(c => Enumerable.Repeat(c, counts[c])).ToArray();
        new Random(SeedMix.Combine(o.Seed, 0x1ABE1)).Shuffle(labels);
        bool camera = o.Render == SyntheticRender.CameraFrame;
        var canvas = camera ? new Size(o.CameraWidth, o.CameraHeight) : new Size(2 * o.ImageSize, 2 * o.ImageSize);
        var sampler = camera
            ? CameraPlacement with { OcclusionRate = o.OcclusionRate }
            : new FaceSceneSamplerOptions { MinFaceFraction = 0.3, MaxFaceFraction = 0.42, OcclusionRate = o.OcclusionRate };
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

    private static string SummaryMarkdown(SyntheticDatasetOptions o, DatasetSummary summary, IReadOnlyDictionary<string, int> refused) => string.Create(CultureInfo.InvariantCulture,
        $"# Synthetic neonatal pain set\n\n{Rendering(o, refused)}, seed {o.Seed}, class distribution {o.Distribution.Name}, " +
        $"{o.ImagesPerSubject} images per subject, split by subject {o.TrainFraction:P0}/{1 - o.TrainFraction:P0}, occlusion rate {o.OcclusionRate:P0}, " +
        $"noise {o.Noise} {o.NoiseFraction:P0}{(o.Noise == LabelNoiseMode.Occlusion ? $" (occluded {o.OccludedNoiseRate:P0})" : "")}" +
        $"{(o.NoisyTestSplit ? " on both splits" : " on the training split")}.\n\n{summary.ToMarkdown()}");

    private static string Rendering(SyntheticDatasetOptions o, IReadOnlyDictionary<string, int> refused) => o.Render == SyntheticRender.CameraFrame
        ? string.Create(CultureInfo.InvariantCulture,
            $"{o.Count} camera frames of {o.CameraWidth}x{o.CameraHeight} cut by the bedside chain ({o.Capture.Detector.Kind}, margin {o.Capture.Crop.Margin}, " +
            $"{o.Capture.Crop.OutputSize} px crops, quality gate); {refused.Values.Sum()} refused and left out " +
            $"({(refused.Count == 0 ? "none" : string.Join(", ", refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")))})")
        : string.Create(CultureInfo.InvariantCulture, $"{o.Count} images of {o.ImageSize} px");

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
