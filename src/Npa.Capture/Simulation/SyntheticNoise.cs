using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Datasets;

namespace Npa.Capture.Simulation;

/// <summary>Applies the chosen label noise per split (Npa.Shared's <see cref="LabelNoise"/>), so rates hold within each split.</summary>
internal static class SyntheticNoise
{
    public static void Apply(IReadOnlyList<SyntheticImagePlan> plans, SyntheticDatasetOptions o)
    {
        if (o.Noise == LabelNoiseMode.None) return;
        var splits = o.NoisyTestSplit ? new[] { DatasetSplit.Train, DatasetSplit.Test } : [DatasetSplit.Train];
        foreach (var split in splits)
        {
            var members = plans.Where(p => p.Split == split).ToList();
            var clean = members.Select(p => p.CleanLabel).ToList();
            int seed = SeedMix.Combine(o.Seed, 0x401CE, (int)split);
            var result = o.Noise switch
            {
                LabelNoiseMode.Paper => LabelNoise.AddPaperNoise(clean, seed, o.NoiseFraction),
                LabelNoiseMode.Symmetric => LabelNoise.AddSymmetricNoise(clean, seed, o.NoiseFraction),
                LabelNoiseMode.Occlusion => LabelNoise.AddOcclusionNoise(clean, members.Select(p => p.Spec.IsOccluded).ToList(), seed,
                    o.OccludedNoiseRate, o.NoiseFraction, LabelNoiseKind.Adjacent),
                _ => throw new ArgumentOutOfRangeException(nameof(o), o.Noise, "unknown noise mode"),
            };
            for (int i = 0; i < members.Count; i++) members[i].Label = result.NoisyLabels[i];
        }
    }
}
