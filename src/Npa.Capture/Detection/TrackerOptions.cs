namespace Npa.Capture.Detection;

/// <summary>Settings of the IoU tracker that steadies the face box between frames.</summary>
public sealed record TrackerOptions
{
    /// <summary>A new box continues the track when its IoU with the tracked box is at least this.</summary>
    public double MatchIoU { get; init; } = 0.3;

    /// <summary>Weight of the new box in the exponential smoothing (1 = no smoothing).</summary>
    public double Smoothing { get; init; } = 0.6;

    /// <summary>Frames without a face after which the track is forgotten.</summary>
    public int MaxMissed { get; init; } = 5;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Tracker")
    {
        if (!(MatchIoU is > 0 and <= 1))
        {
            yield return $"{prefix}.MatchIoU must be in (0, 1] (got {MatchIoU}).";
        }

        if (!(Smoothing is > 0 and <= 1))
        {
            yield return $"{prefix}.Smoothing must be in (0, 1] (got {Smoothing}).";
        }

        if (MaxMissed is < 0 or > 1000)
        {
            yield return $"{prefix}.MaxMissed must be in 0..1000 (got {MaxMissed}).";
        }
    }
}
