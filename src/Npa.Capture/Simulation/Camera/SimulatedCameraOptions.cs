namespace Npa.Capture.Simulation.Camera;

/// <summary>Frame rate and size of a simulated bedside camera.</summary>
public sealed record SimulatedCameraOptions
{
    public double Fps { get; init; } = 10;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 480;

    /// <summary>Frames rendered ahead on the thread pool, 0–64 (0: each frame is rendered on its tick). Same pixels either way; a replay uses it to fill idle cores.</summary>
    public int RenderAhead { get; init; }

    /// <summary>Throws with a readable message when out of bounds.</summary>
    public void Validate()
    {
        if (!(Fps is >= 0.1 and <= 60)) throw new ArgumentException($"simulated camera fps {Fps} must be 0.1..60");
        if (Width is < 64 or > 4096 || Height is < 64 or > 4096)
            throw new ArgumentException($"simulated camera size {Width}x{Height} must be 64..4096 on each side");
        if (RenderAhead is < 0 or > 64) throw new ArgumentException($"simulated camera RenderAhead {RenderAhead} must be 0..64");
    }
}
