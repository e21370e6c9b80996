namespace Npa.Capture.Sources;

/// <summary>One bed's camera: what to open, how fast to read it, and how to reconnect.</summary>
public sealed record CameraOptions
{
    public string BedId { get; init; } = "";

    public CameraKind Kind { get; init; } = CameraKind.Simulated;

    /// <summary>Device index or path, URL, file path or folder, depending on <see cref="Kind"/>; unused for the simulated camera.</summary>
    public string Target { get; init; } = "";

    /// <summary>Pacing in frames per second. Null: the device's own pace (live), the file's frame rate (file), 10 (folder).</summary>
    public double? Fps { get; init; }

    /// <summary>Finite sources (file, folder) start again at their end instead of completing.</summary>
    public bool Loop { get; init; }

    /// <summary>Reconnect delays of live sources (device, stream).</summary>
    public BackoffOptions Reconnect { get; init; } = new();

    /// <summary>Pace of a folder or simulated camera without <see cref="Fps"/>.</summary>
    public const double DefaultFps = 10;

    /// <summary>True for sources that can drop and come back (device, stream).</summary>
    public bool IsLive => Kind is CameraKind.Device or CameraKind.Stream;

    /// <summary>
    /// The pace known before the camera opens: <see cref="Fps"/>, else <see cref="DefaultFps"/> for a folder or simulated
    /// camera; null when the device or file sets it. A method, so that configuration binding never sees it as a key.
    /// </summary>
    public double? PacedFps() => Fps ?? (Kind is CameraKind.Folder or CameraKind.Simulated ? DefaultFps : null);

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Camera")
    {
        if (string.IsNullOrWhiteSpace(BedId))
        {
            yield return $"{prefix}.BedId is required.";
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return $"{prefix}.Kind '{Kind}' is not one of {string.Join(", ", Enum.GetNames<CameraKind>())}.";
        }
        else if (Kind != CameraKind.Simulated && string.IsNullOrWhiteSpace(Target))
        {
            yield return $"{prefix}.Target is required for a {Kind} camera.";
        }

        if (Kind == CameraKind.Stream && !IsStreamUrl(Target))
        {
            yield return $"{prefix}.Target '{Target}' must be an rtsp://, http:// or https:// URL for a Stream camera.";
        }

        if (Fps is { } fps && !(fps > 0 && fps <= 240))
        {
            yield return $"{prefix}.Fps must be in (0, 240] (got {fps}).";
        }

        foreach (string problem in Reconnect.Validate($"{prefix}.Reconnect"))
        {
            yield return problem;
        }
    }

    private static bool IsStreamUrl(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out Uri? uri) && uri.Scheme is "rtsp" or "http" or "https";
}
