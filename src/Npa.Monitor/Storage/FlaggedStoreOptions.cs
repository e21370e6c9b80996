namespace Npa.Monitor.Storage;

/// <summary>Where and how much the flagged-frame store keeps (config section <c>Storage:Flagged</c>).</summary>
public sealed class FlaggedStoreOptions
{
    /// <summary>Database file name inside <see cref="Folder"/>.</summary>
    public const string DatabaseFileName = "flags.db";

    /// <summary>Folder holding <c>flags.db</c> and the PNG crops beside it (created 0700).</summary>
    public string Folder { get; set; } = "data/flagged";

    /// <summary>Least time between two stored frames of one bed (0 = no limit).</summary>
    public TimeSpan MinIntervalPerBed { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames older than this many days are deleted (1..3650).</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Most bytes of crops kept; the oldest unlabelled frames go first when over (at least 64 KiB).</summary>
    public long QuotaBytes { get; set; } = 1L << 30;
}
