namespace Npa.Shared.Packaging;

/// <summary>
/// How a two-branch package fuses its branches' probabilities (the manifest's <c>fusion</c>; absent means <see cref="Mean"/>).
/// </summary>
public static class FusionRule
{
    /// <summary>The paper's rule: the plain mean of the branches.</summary>
    public const string Mean = "mean";

    /// <summary>Each branch weighted by its own α for the sample: the branch that trusts its label more counts more.</summary>
    public const string AlphaWeighted = "alpha_weighted";

    /// <summary>Each branch weighted by its top-class probability for the sample.</summary>
    public const string ConfidenceWeighted = "confidence_weighted";

    /// <summary>Every rule, for messages and option lists.</summary>
    public static IReadOnlyList<string> All { get; } = [Mean, AlphaWeighted, ConfidenceWeighted];

    /// <summary>True for a known rule name, or null (the mean).</summary>
    public static bool IsKnown(string? rule) => rule is null || All.Contains(rule, StringComparer.Ordinal);
}
