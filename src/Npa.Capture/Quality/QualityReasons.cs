namespace Npa.Capture.Quality;

/// <summary>Why the quality gate refused a frame; several reasons can hold at once.</summary>
[Flags]
public enum QualityReasons
{
    None = 0,

    /// <summary>The detector found no face.</summary>
    NoFace = 1 << 0,

    /// <summary>The face box is smaller than <see cref="QualityRules.MinFacePixels"/>.</summary>
    TooSmall = 1 << 1,

    /// <summary>Variance of the Laplacian below <see cref="QualityRules.MinSharpness"/>.</summary>
    Blurry = 1 << 2,

    /// <summary>Mean luma below <see cref="QualityRules.MinMeanLuma"/>.</summary>
    TooDark = 1 << 3,

    /// <summary>Mean luma above <see cref="QualityRules.MaxMeanLuma"/>.</summary>
    TooBright = 1 << 4,

    /// <summary>Too many pixels at the ends of the range (crushed shadows or blown highlights).</summary>
    Clipped = 1 << 5,

    /// <summary>Detector confidence below <see cref="QualityRules.MinDetectorScore"/>.</summary>
    LowDetectorScore = 1 << 6,
}
