namespace Npa.Capture.Quality;

/// <summary>Thresholds of the quality gate; each failed rule adds its <see cref="QualityReasons"/> flag.</summary>
public sealed record QualityRules
{
    /// <summary>Smallest acceptable face (shorter side of the box) in source pixels.</summary>
    public double MinFacePixels { get; init; } = 48;

    /// <summary>Smallest acceptable variance of the Laplacian (measured at 128 px).</summary>
    public double MinSharpness { get; init; } = 20;

    public double MinMeanLuma { get; init; } = 40;

    public double MaxMeanLuma { get; init; } = 220;

    /// <summary>Largest acceptable fraction of clipped pixels.</summary>
    public double MaxClippedFraction { get; init; } = 0.25;

    public double MinDetectorScore { get; init; } = 0.5;

    /// <summary>The reasons <paramref name="report"/> fails; <see cref="QualityReasons.None"/> when it passes.</summary>
    public QualityReasons Evaluate(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        QualityReasons reasons = QualityReasons.None;
        if (report.FacePixels < MinFacePixels)
        {
            reasons |= QualityReasons.TooSmall;
        }

        if (report.Sharpness < MinSharpness)
        {
            reasons |= QualityReasons.Blurry;
        }

        if (report.MeanLuma < MinMeanLuma)
        {
            reasons |= QualityReasons.TooDark;
        }

        if (report.MeanLuma > MaxMeanLuma)
        {
            reasons |= QualityReasons.TooBright;
        }

        if (report.ClippedFraction > MaxClippedFraction)
        {
            reasons |= QualityReasons.Clipped;
        }

        if (report.DetectorScore < MinDetectorScore)
        {
            reasons |= QualityReasons.LowDetectorScore;
        }

        return reasons;
    }

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Quality")
    {
        if (!(MinFacePixels >= 0))
        {
            yield return $"{prefix}.MinFacePixels must be ≥ 0 (got {MinFacePixels}).";
        }

        if (!(MinSharpness >= 0))
        {
            yield return $"{prefix}.MinSharpness must be ≥ 0 (got {MinSharpness}).";
        }

        if (!(MinMeanLuma >= 0 && MaxMeanLuma <= 255 && MinMeanLuma < MaxMeanLuma))
        {
            yield return $"{prefix}.MinMeanLuma ({MinMeanLuma}) must be below {prefix}.MaxMeanLuma ({MaxMeanLuma}), both within 0..255.";
        }

        if (!(MaxClippedFraction is >= 0 and <= 1))
        {
            yield return $"{prefix}.MaxClippedFraction must be in [0, 1] (got {MaxClippedFraction}).";
        }

        if (!(MinDetectorScore is >= 0 and <= 1))
        {
            yield return $"{prefix}.MinDetectorScore must be in [0, 1] (got {MinDetectorScore}).";
        }
    }
}
