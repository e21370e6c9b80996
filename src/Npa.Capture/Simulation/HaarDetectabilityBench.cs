using System.Globalization;
using System.Text;
using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>
/// Renders seeded 640×480 scenes and runs OpenCV's Haar cascade on them (no histogram equalisation: it hurt on
/// bright blankets). A hit is a detection with IoU ≥ 0.5 against the true face box.
/// </summary>
public static class HaarDetectabilityBench
{
    public const double HitIoU = 0.5;

    public static IReadOnlyList<DetectabilityFrame> Run(DetectabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int total = options.FrontalFrames + options.OccludedFrames;
        var results = new DetectabilityFrame[total];
        using var cascades = new ThreadLocal<CascadeClassifier>(() => new CascadeClassifier(options.CascadePath), trackAllValues: true);
        try
        {
            Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                using var face = NeonateFaceRenderer.Render(SceneFor(options, i), new Size(options.Width, options.Height));
                results[i] = Detect(cascades.Value!, face, options);
            });
        }
        finally
        {
            foreach (var c in cascades.Values) c.Dispose();
        }
        return results;
    }

    /// <summary>
    /// Scene <paramref name="index"/> of the bench: the first <see cref="DetectabilityOptions.FrontalFrames"/> are unoccluded
    /// and near-frontal, the rest occluded. Other detectors (BlazeFace) can score the very same frames.
    /// </summary>
    public static FaceSceneSpec SceneFor(DetectabilityOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var frontal = new FaceSceneSamplerOptions { MinFaceFraction = 0.2, MaxFaceFraction = 0.6, MaxYaw = 0.12, OcclusionRate = 0 };
        var rng = new Random(SeedMix.Combine(options.Seed, index));
        // Cycle tones and scores so every tone and class is covered evenly.
        var subject = SubjectAppearance.Random(rng) with { SkinTone = index % SkinTonePalette.Count };
        int nips = index / SkinTonePalette.Count % 8;
        var sampler = index < options.FrontalFrames ? frontal : frontal with { OcclusionRate = 1 };
        return FaceSceneSampler.Sample(nips, subject, new Size(options.Width, options.Height), sampler, rng);
    }

    private static DetectabilityFrame Detect(CascadeClassifier cascade, RenderedFace face, DetectabilityOptions options)
    {
        using var gray = new Mat();
        Cv2.CvtColor(face.Image, gray, ColorConversionCodes.BGR2GRAY);
        // The bench never renders faces narrower than 96 px; skipping smaller windows cuts the detector's cost.
        var boxes = cascade.DetectMultiScale(gray, options.ScaleFactor, options.MinNeighbors, HaarDetectionTypes.ScaleImage, new Size(80, 80));
        return DetectabilityFrame.Score(face, boxes);
    }

    /// <summary>Rates by group: all unoccluded, relaxed (NIPS 0–2), grimace (NIPS ≥ 5), hardest, occluded, and per tone.</summary>
    public static IReadOnlyList<DetectionGroupRate> Summarize(IReadOnlyList<DetectabilityFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var clear = frames.Where(f => f.Occlusion == OcclusionKind.None).ToList();
        var groups = new List<(string, IEnumerable<DetectabilityFrame>)>
        {
            ("unoccluded frontal (all)", clear),
            ("relaxed (NIPS 0-2)", clear.Where(f => f.Nips <= 2)),
            ("grimace (NIPS 5-7)", clear.Where(f => f.Nips >= 5)),
            ("hardest (tone 5, <150 px, roll >10°)", clear.Where(f => f.IsHardest)),
            ("  darkest tone (5)", clear.Where(f => f.SkinTone == SkinTonePalette.Darkest)),
            ("  face < 150 px", clear.Where(f => f.BoxWidth < 150)),
            ("  roll > 10°", clear.Where(f => Math.Abs(f.RollDegrees) > 10)),
            ("occluded (all kinds)", frames.Where(f => f.Occlusion != OcclusionKind.None)),
        };
        for (int t = 0; t < SkinTonePalette.Count - 1; t++)
        {
            int tone = t;
            groups.Add(($"tone {tone}", clear.Where(f => f.SkinTone == tone)));
        }
        return groups.Select(g =>
        {
            var list = g.Item2.ToList();
            return new DetectionGroupRate(g.Item1, list.Count, list.Count(f => f.Hit), list.Count == 0 ? 0 : list.Average(f => f.BestIoU));
        }).ToList();
    }

    /// <summary>A plain-text table of <see cref="Summarize"/>'s rates.</summary>
    public static string FormatTable(IReadOnlyList<DetectionGroupRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"group",-40} {"frames",7} {"hits",6} {"rate",8} {"mean IoU",9}");
        foreach (var r in rates)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Group,-40} {r.Frames,7} {r.Hits,6} {r.Rate,8:P1} {r.MeanIoU,9:F3}");
        return sb.ToString();
    }
}
