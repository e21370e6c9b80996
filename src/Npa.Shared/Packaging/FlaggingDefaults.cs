namespace Npa.Shared.Packaging;

/// <summary>The model's suggested rules for keeping doubtful frames for relabeling; the Monitor's config may override them.</summary>
public sealed record FlaggingDefaults
{
    /// <summary>Flag when the fused α (α_a·α_b) is below this (0..1).</summary>
    public double LowAlphaThreshold { get; init; } = 0.25;

    /// <summary>Flag when the largest fused probability is below this (0..1).</summary>
    public double LowConfidenceThreshold { get; init; } = 0.4;

    /// <summary>Flag when the two branches' arg-max classes differ.</summary>
    public bool FlagOnDisagreement { get; init; } = true;
}
