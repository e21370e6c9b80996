namespace Npa.Capture.Simulation;

/// <summary>How the Haar detectability bench renders and detects.</summary>
public sealed record DetectabilityOptions
{
    /// <summary>Debian opencv-data's frontal face cascade.</summary>
    public string CascadePath { get; init; } = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    /// <summary>Unoccluded frontal frames (the asserted set).</summary>
    public int FrontalFrames { get; init; } = 240;

    /// <summary>Occluded frames (reported only).</summary>
    public int OccludedFrames { get; init; } = 60;

    public int Seed { get; init; } = 1234;

    public int MinNeighbors { get; init; } = 4;

    public double ScaleFactor { get; init; } = 1.1;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 480;

    public void Validate()
    {
        if (!File.Exists(CascadePath))
            throw new FileNotFoundException($"Haar cascade not found at {CascadePath}; install Debian's opencv-data", CascadePath);
        if (FrontalFrames < 1 || OccludedFrames < 0) throw new ArgumentException("frame counts must be positive");
        if (MinNeighbors is < 1 or > 10) throw new ArgumentException($"MinNeighbors {MinNeighbors} must be 1..10");
        if (ScaleFactor is <= 1 or > 2) throw new ArgumentException($"ScaleFactor {ScaleFactor} must be in (1, 2]");
    }
}
