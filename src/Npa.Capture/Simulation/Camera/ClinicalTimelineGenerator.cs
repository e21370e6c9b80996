using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation.Camera;

/// <summary>
/// Clinical-like bed scripts for replays: long rest, procedures of varying intensity, severe episodes (NIPS 6–7 peaks)
/// with settling, and care events (handling) where a gloved hand covers the face or the face leaves the frame; every
/// <see cref="OcclusionKind"/> and camera dropouts appear. Deterministic for a seed.
/// </summary>
public static class ClinicalTimelineGenerator
{
    /// <summary>One script per bed, not looping.</summary>
    public static IReadOnlyList<BedScript> Generate(ClinicalTimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        return Enumerable.Range(1, options.Beds)
            .Select(i => GenerateBed($"bed-{i}", options.Duration, SeedMix.Combine(options.Seed, i, 0xC11)))
            .ToList();
    }

    /// <summary>One bed's script of exactly <paramref name="duration"/>.</summary>
    public static BedScript GenerateBed(string bedId, TimeSpan duration, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        var rng = new Random(seed);
        var plan = new TimelinePlan(rng);
        // The first three events cover every kind of event (and so every occluder); later ones are drawn by weight.
        var first = new[] { ClinicalEvent.Severe, ClinicalEvent.Procedure, ClinicalEvent.Handling }.OrderBy(_ => rng.Next()).ToArray();
        int n = 0;
        while (plan.Length < duration)
        {
            plan.Rest(Minutes(rng, n == 0 ? 1.5 : 3, n == 0 ? 4 : 15));
            var next = n < first.Length ? first[n] : Draw(rng);
            switch (next)
            {
                case ClinicalEvent.Severe: plan.SevereEpisode(); break;
                case ClinicalEvent.Procedure: plan.Procedure(); break;
                default: plan.Handling(); break;
            }
            n++;
        }
        plan.Rest(TimeSpan.FromMinutes(2));
        plan.AddDropouts(duration);
        return plan.Build(bedId, SeedMix.Combine(seed, 0xFACE), duration);
    }

    private static ClinicalEvent Draw(Random rng)
    {
        double u = rng.NextDouble();
        return u < 0.3 ? ClinicalEvent.Severe : u < 0.65 ? ClinicalEvent.Procedure : ClinicalEvent.Handling;
    }

    internal static TimeSpan Seconds(Random rng, double min, double max) => TimeSpan.FromSeconds(Math.Round(min + (max - min) * rng.NextDouble()));

    private static TimeSpan Minutes(Random rng, double min, double max) => Seconds(rng, min * 60, max * 60);

    private enum ClinicalEvent
    {
        Severe,
        Procedure,
        Handling,
    }
}
