namespace Npa.Monitor.Replay;

/// <summary>What <c>npa-monitor replay</c> was asked to do.</summary>
public sealed record ReplaySettings
{
    /// <summary>Config file (beds, alerts, model as in monitor.json); null: configs/monitor.json when present, else the built-in one.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Config keys set last (<c>Section:Key</c>), as environment variables would.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Bed scripts (BedScriptJson); each becomes a bed named by its <c>bedId</c>.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>Generate clinical-like timelines of this many hours instead (with <see cref="RandomBeds"/>, <see cref="Seed"/>).</summary>
    public double? RandomHours { get; init; }

    public int RandomBeds { get; init; } = 4;

    public int Seed { get; init; } = 1;

    /// <summary>How long to replay looping scripts (the config's default beds loop); finite scripts run to their end.</summary>
    public double? Minutes { get; init; }

    /// <summary>Frame rate of the simulated cameras; null: each bed's assessment rate, so that no frame is drawn that the latest-frame sampler would skip.</summary>
    public double? CameraFps { get; init; }

    /// <summary>Folder for report.md, report.json and the figures.</summary>
    public string OutDir { get; init; } = "artifacts/replay";

    /// <summary>Virtual time at which the replay starts; fixed, so that two runs give the same report.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Draw the figures (tests may skip them).</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (RandomHours is { } h && !(h > 0 && h <= 72)) yield return $"--random-hours {h} must be in (0, 72]";
        if (RandomHours is not null && Scripts.Count > 0) yield return "--random-hours and --script cannot be used together";
        if (RandomBeds is < 1 or > 64) yield return $"--beds {RandomBeds} must be 1..64";
        if (Minutes is { } m && !(m > 0 && m <= 72 * 60)) yield return $"--minutes {m} must be in (0, 4320]";
        if (CameraFps is { } fps && !(fps is >= 0.1 and <= 60)) yield return $"--camera-fps {fps} must be 0.1..60";
        if (string.IsNullOrWhiteSpace(OutDir)) yield return "--out must name a folder";
    }
}
