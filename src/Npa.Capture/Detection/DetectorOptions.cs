namespace Npa.Capture.Detection;

/// <summary>Face detection of one bed: which detector, its settings, and the tracker.</summary>
public sealed record DetectorOptions
{
    public DetectorKind Kind { get; init; } = DetectorKind.BlazeFace;

    public BlazeFaceOptions BlazeFace { get; init; } = new();

    public HaarOptions Haar { get; init; } = new();

    public RoiOptions Roi { get; init; } = new();

    public TrackerOptions Tracker { get; init; } = new();

    /// <summary>Readable problems of the selected detector and the tracker, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Detector")
    {
        IEnumerable<string> detector = Kind switch
        {
            DetectorKind.BlazeFace => BlazeFace.Validate($"{prefix}.BlazeFace"),
            DetectorKind.Haar => Haar.Validate($"{prefix}.Haar"),
            DetectorKind.FixedRoi => Roi.Validate($"{prefix}.Roi"),
            _ => [$"{prefix}.Kind '{Kind}' is not one of {string.Join(", ", Enum.GetNames<DetectorKind>())}."],
        };
        return detector.Concat(Tracker.Validate($"{prefix}.Tracker"));
    }

    /// <summary>Creates the selected detector; the caller owns (disposes) it.</summary>
    public IFaceDetector CreateDetector() => Kind switch
    {
        DetectorKind.BlazeFace => new BlazeFaceDetector(BlazeFace),
        DetectorKind.Haar => new HaarFaceDetector(Haar),
        DetectorKind.FixedRoi => new FixedRoiDetector(Roi),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown detector kind"),
    };
}
