using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>
/// Picks the most confident face of each frame and smooths its box over time: a face overlapping the tracked box
/// (IoU ≥ MatchIoU) moves it part of the way; any other face restarts the track. One tracker per bed.
/// </summary>
public sealed class FaceTracker
{
    private readonly TrackerOptions _options;
    private Rect2d? _track;
    private int _missed;

    public FaceTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
    }

    /// <summary>The box being tracked, or null.</summary>
    public Rect2d? Track => _track;

    /// <summary>Feeds one frame's candidates; returns the chosen face with its smoothed box, or null when there is none.</summary>
    public FaceDetection? Update(IReadOnlyList<FaceDetection> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        FaceDetection? best = candidates.MaxBy(c => c.Score);
        if (best is null)
        {
            if (++_missed > _options.MaxMissed)
            {
                _track = null;
            }

            return null;
        }

        _missed = 0;
        if (_track is { } previous && FaceDetection.IoU(previous, best.Box) >= _options.MatchIoU)
        {
            double a = _options.Smoothing;
            _track = new Rect2d(
                previous.X + (a * (best.Box.X - previous.X)),
                previous.Y + (a * (best.Box.Y - previous.Y)),
                previous.Width + (a * (best.Box.Width - previous.Width)),
                previous.Height + (a * (best.Box.Height - previous.Height)));
        }
        else
        {
            _track = best.Box;
        }

        return best with { Box = _track.Value };
    }

    /// <summary>Forgets the track.</summary>
    public void Reset()
    {
        _track = null;
        _missed = 0;
    }
}
