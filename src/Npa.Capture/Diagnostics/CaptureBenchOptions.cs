using Npa.Capture.Detection;

namespace Npa.Capture.Diagnostics;

/// <summary>Settings of <see cref="CaptureBench"/>.</summary>
public sealed record CaptureBenchOptions
{
    /// <summary>Timed frames per detector (after <see cref="WarmupFrames"/> untimed ones).</summary>
    public int Frames { get; init; } = 200;

    public int WarmupFrames { get; init; } = 10;

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 480;

    public string BlazeFaceModelPath { get; init; } = BlazeFaceOptions.DefaultModelPath;

    /// <summary>A photo to use as the scene (resized to Width×Height); null renders a simulated neonate scene.</summary>
    public string? ScenePath { get; init; }

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Frames is < 1 or > 100_000)
        {
            yield return $"Frames must be in 1..100000 (got {Frames}).";
        }

        if (WarmupFrames is < 0 or > 10_000)
        {
            yield return $"WarmupFrames must be in 0..10000 (got {WarmupFrames}).";
        }

        if (Width is < 64 or > 4096 || Height is < 64 or > 4096)
        {
            yield return $"Width and Height must be in 64..4096 (got {Width}×{Height}).";
        }

        if (ScenePath is not null && !File.Exists(ScenePath))
        {
            yield return $"ScenePath '{ScenePath}' does not exist.";
        }
    }
}
