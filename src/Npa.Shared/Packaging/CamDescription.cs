namespace Npa.Shared.Packaging;

/// <summary>How to draw class activation maps from the package's feature outputs.</summary>
public sealed record CamDescription
{
    /// <summary>Method, e.g. <c>cam</c> (feature maps weighted by the classifier's weights).</summary>
    public required string Method { get; init; }

    /// <summary>ONNX outputs holding the last convolutional feature maps, e.g. <c>features_a</c>.</summary>
    public required IReadOnlyList<string> FeatureOutputs { get; init; }

    /// <summary>Free-text notes (layer names, resolution).</summary>
    public string? Description { get; init; }
}
