using Npa.Shared.Nips;

namespace Npa.Shared.Packaging;

/// <summary>One output class of a model and what it means clinically.</summary>
/// <param name="Index">Position in the model's output vector.</param>
/// <param name="Meaning">Human-readable meaning, shown to clinicians.</param>
public sealed record ModelClass(int Index, string Meaning)
{
    /// <summary>The eight NIPS classes with their bands, as every NpaMonitor model uses them.</summary>
    public static IReadOnlyList<ModelClass> Nips { get; } = Enumerable.Range(0, NipsScale.ClassCount)
        .Select(k => new ModelClass(k, $"NIPS {k}: {BandText(NipsScale.CategoryOf(k))}"))
        .ToArray();

    private static string BandText(NipsCategory category) => category switch
    {
        NipsCategory.NoPain => "no pain",
        NipsCategory.MildToModerate => "mild to moderate pain",
        _ => "severe pain",
    };
}
