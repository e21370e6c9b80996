namespace Npa.Capture.Detection;

/// <summary>Settings of the OpenCV Haar cascade detector (cascades from Debian's <c>opencv-data</c>).</summary>
public sealed record HaarOptions
{
    public const string DefaultCascadePath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    public string CascadePath { get; init; } = DefaultCascadePath;

    public double ScaleFactor { get; init; } = 1.1;

    /// <summary>Overlapping raw hits needed for a face; higher rejects more texture false positives.</summary>
    public int MinNeighbors { get; init; } = 6;

    /// <summary>Smallest face as a fraction of the frame's shorter side.</summary>
    public double MinFaceFraction { get; init; } = 0.1;

    /// <summary>Frames are downscaled so that their longer side is at most this before detection (speed).</summary>
    public int MaxInputSide { get; init; } = 320;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Haar")
    {
        if (string.IsNullOrWhiteSpace(CascadePath))
        {
            yield return $"{prefix}.CascadePath is required.";
        }

        if (!(ScaleFactor is > 1.0 and <= 2.0))
        {
            yield return $"{prefix}.ScaleFactor must be in (1, 2] (got {ScaleFactor}).";
        }

        if (MinNeighbors is < 1 or > 50)
        {
            yield return $"{prefix}.MinNeighbors must be in 1..50 (got {MinNeighbors}).";
        }

        if (!(MinFaceFraction is > 0 and <= 1))
        {
            yield return $"{prefix}.MinFaceFraction must be in (0, 1] (got {MinFaceFraction}).";
        }

        if (MaxInputSide is < 64 or > 4096)
        {
            yield return $"{prefix}.MaxInputSide must be in 64..4096 (got {MaxInputSide}).";
        }
    }
}
