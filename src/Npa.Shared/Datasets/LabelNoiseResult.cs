namespace Npa.Shared.Datasets;

/// <summary>Labels after synthetic noise, and which samples were changed.</summary>
/// <param name="NoisyLabels">One label per input sample; unchanged where the sample was not chosen.</param>
/// <param name="FlippedIndices">Indices of the changed samples, ascending; each differs from its original label.</param>
public sealed record LabelNoiseResult(IReadOnlyList<int> NoisyLabels, IReadOnlyList<int> FlippedIndices);
