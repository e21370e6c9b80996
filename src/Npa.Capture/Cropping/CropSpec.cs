namespace Npa.Capture.Cropping;

/// <summary>How a face becomes a crop: a square around the box grown by <see cref="Margin"/>, resized to <see cref="OutputSize"/>.</summary>
public sealed record CropSpec
{
    /// <summary>Extra room on each side, as a fraction of the box's longer side (0.25: the square is 1.5× the face).</summary>
    public double Margin { get; init; } = 0.25;

    /// <summary>Side of the output crop in pixels (bilinear resize); the Monitor's preprocessing takes it from here.</summary>
    public int OutputSize { get; init; } = 256;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Crop")
    {
        if (!(Margin is >= 0 and <= 2))
        {
            yield return $"{prefix}.Margin must be in [0, 2] (got {Margin}).";
        }

        if (OutputSize is < 16 or > 2048)
        {
            yield return $"{prefix}.OutputSize must be in 16..2048 (got {OutputSize}).";
        }
    }
}
