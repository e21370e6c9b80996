namespace Npa.Monitor.Inference;

/// <summary>An explained crop: the result, the class whose map was drawn, the fused map and two PNGs.</summary>
/// <param name="Result">The model's result for the crop.</param>
/// <param name="ClassIndex">Class the activation map explains (the fused prediction unless asked otherwise).</param>
/// <param name="BranchMaps">Per branch, the raw class activation map Σ_k w_ck·A_k at feature resolution (h·w values, row-major).</param>
/// <param name="HeatmapPng">The fused map (each branch ReLU'd and scaled to [0,1], then averaged) in the JET colormap, crop-sized.</param>
/// <param name="OverlayPng">The heatmap blended half-and-half over the crop.</param>
public sealed record CamImages(InferenceResult Result, int ClassIndex, IReadOnlyList<float[]> BranchMaps, byte[] HeatmapPng, byte[] OverlayPng);
