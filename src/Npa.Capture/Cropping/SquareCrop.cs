using OpenCvSharp;

namespace Npa.Capture.Cropping;

/// <summary>Square crop geometry and extraction; stateless, never takes ownership of its inputs.</summary>
public static class SquareCrop
{
    /// <summary>
    /// The square around <paramref name="face"/> grown by <paramref name="margin"/>, kept inside the frame: shifted
    /// inwards at the edges, and shrunk to the frame's shorter side when it would not fit at all.
    /// </summary>
    public static Rect Region(Rect2d face, Size frame, double margin)
    {
        if (frame.Width <= 0 || frame.Height <= 0)
        {
            throw new ArgumentException($"frame size must be positive (got {frame.Width}×{frame.Height})", nameof(frame));
        }

        double side = Math.Max(face.Width, face.Height) * (1 + (2 * margin));
        int s = (int)Math.Round(Math.Clamp(side, 1, Math.Min(frame.Width, frame.Height)));
        double cx = face.X + (face.Width / 2);
        double cy = face.Y + (face.Height / 2);
        int x = Math.Clamp((int)Math.Round(cx - (s / 2.0)), 0, frame.Width - s);
        int y = Math.Clamp((int)Math.Round(cy - (s / 2.0)), 0, frame.Height - s);
        return new Rect(x, y, s, s);
    }

    /// <summary>Copies <paramref name="region"/> of <paramref name="image"/> resized to <paramref name="outputSize"/>²; the caller owns the result.</summary>
    public static Mat Extract(Mat image, Rect region, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var roi = new Mat(image, region);
        var crop = new Mat();
        InterpolationFlags interpolation = region.Width > outputSize ? InterpolationFlags.Area : InterpolationFlags.Linear;
        Cv2.Resize(roi, crop, new Size(outputSize, outputSize), 0, 0, interpolation);
        return crop;
    }
}
