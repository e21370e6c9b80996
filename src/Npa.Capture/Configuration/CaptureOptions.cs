using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Quality;

namespace Npa.Capture.Configuration;

/// <summary>The <c>Capture</c> configuration section: assessment rate, detection, cropping and the quality gate (defaults for every bed).</summary>
public sealed record CaptureOptions
{
    public const string SectionName = "Capture";

    /// <summary>Frames assessed per second per bed; newer frames replace older ones in between (latest-frame-wins).</summary>
    public double AssessmentRateHz { get; init; } = 5;

    public DetectorOptions Detector { get; init; } = new();

    public CropSpec Crop { get; init; } = new();

    public QualityRules Quality { get; init; } = new();

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = SectionName)
    {
        if (!(AssessmentRateHz is > 0 and <= 120))
        {
            yield return $"{prefix}.AssessmentRateHz must be in (0, 120] (got {AssessmentRateHz}).";
        }

        IEnumerable<string> nested = (Detector?.Validate($"{prefix}.Detector") ?? [$"{prefix}.Detector is required."])
            .Concat(Crop?.Validate($"{prefix}.Crop") ?? [$"{prefix}.Crop is required."])
            .Concat(Quality?.Validate($"{prefix}.Quality") ?? [$"{prefix}.Quality is required."]);
        foreach (string problem in nested)
        {
            yield return problem;
        }
    }
}
