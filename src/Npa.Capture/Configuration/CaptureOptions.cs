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

    /// <summary>
    /// Threads OpenCV may use inside one call (its process-wide <c>setNumThreads</c>), 0–64; 0 keeps OpenCV's default of
    /// one per core. Default 1: every bed already runs on its own thread, and OpenCV's workers would only add hand-offs
    /// between them (measured: about 5 % more CPU for 8 simulated beds on 2 cores).
    /// </summary>
    public int OpenCvThreads { get; init; } = 1;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = SectionName)
    {
        if (!(AssessmentRateHz is > 0 and <= 120))
        {
            yield return $"{prefix}.AssessmentRateHz must be in (0, 120] (got {AssessmentRateHz}).";
        }

        if (OpenCvThreads is < 0 or > 64)
        {
            yield return $"{prefix}.OpenCvThreads must be in [0, 64] (got {OpenCvThreads}).";
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
