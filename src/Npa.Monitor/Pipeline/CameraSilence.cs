namespace Npa.Monitor.Pipeline;

/// <summary>How long a bed's camera may send nothing before the bed says so, from the rate its frames reach the bed.</summary>
/// <param name="SilentAfter">Quiet after a frame: <see cref="MissedFrames"/> frame periods, at least <see cref="Minimum"/>.</param>
/// <param name="FirstFrameAfter">Quiet from the bed's start: <paramref name="SilentAfter"/> plus <see cref="OpeningAllowance"/>.</param>
public sealed record CameraSilence(TimeSpan SilentAfter, TimeSpan FirstFrameAfter)
{
    /// <summary>Frames in a row that may go missing: a camera starved of CPU runs late, not silent.</summary>
    public const int MissedFrames = 10;

    /// <summary>Never sooner than this, however fast the camera (the fixed threshold of old).</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Extra time for the first frame: opening a stream, loading the detector and drawing the first frames of every bed
    /// at once cost the same at any rate, and a loaded machine took more than 5 s for them at start.
    /// </summary>
    public static readonly TimeSpan OpeningAllowance = TimeSpan.FromSeconds(10);

    /// <summary>Thresholds for frames arriving at <paramref name="framesPerSecond"/> (the camera's pace, at most the assessment rate).</summary>
    public static CameraSilence ForRate(double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || double.IsPositiveInfinity(framesPerSecond))
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "the frame rate must be positive and finite");
        var silent = TimeSpan.FromSeconds(Math.Max(Minimum.TotalSeconds, MissedFrames / framesPerSecond));
        return new CameraSilence(silent, silent + OpeningAllowance);
    }
}
