namespace Npa.Capture.Detection;

/// <summary>A fixed face region for rigs aimed at the face, as fractions of the frame (0..1).</summary>
public sealed record RoiOptions
{
    public double X { get; init; } = 0.25;

    public double Y { get; init; } = 0.2;

    public double Width { get; init; } = 0.5;

    public double Height { get; init; } = 0.6;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Roi")
    {
        if (!(X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1 + 1e-9 && Y + Height <= 1 + 1e-9))
        {
            yield return $"{prefix} (X {X}, Y {Y}, Width {Width}, Height {Height}) must be a non-empty region inside the frame, in fractions 0..1.";
        }
    }
}
