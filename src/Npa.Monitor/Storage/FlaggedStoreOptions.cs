using Npa.Monitor.Configuration;

namespace Npa.Monitor.Storage;

/// <summary>Where and how much the flagged-frame store keeps (built from the Storage and Flagging config sections).</summary>
public sealed class FlaggedStoreOptions
{
    /// <summary>Database file name inside <see cref="Folder"/>.</summary>
    public const string DatabaseFileName = "flags.db";

    /// <summary>Sub-folder of Storage:DataDirectory that holds the store.</summary>
    public const string FolderName = "flagged";

    /// <summary>Folder holding <c>flags.db</c> and the PNG crops beside it (created 0700).</summary>
    public string Folder { get; set; } = Path.Combine("data", "monitor", FolderName);

    /// <summary>Least time between two stored frames of one bed (0 = no limit).</summary>
    public TimeSpan MinIntervalPerBed { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames older than this many days are deleted (at least 1).</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Most bytes of crops kept; the oldest unlabelled frames go first when over (at least 1).</summary>
    public long QuotaBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Leftovers of a crash (a crop <c>.tmp</c>, a crop without its row) at least this old are swept when the store
    /// opens. One hour suits the CLI, which opens the store beside a running monitor that may be mid-write; the
    /// monitor itself uses zero, since at its own start no write of its can be in flight.
    /// </summary>
    public TimeSpan SweepLeftoversOlderThan { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seal new crops with the newest key of <see cref="CropKeyRing"/>.</summary>
    public bool EncryptCrops { get; set; }

    /// <summary>Folder of crop keys; when set, sealed crops can be read even while <see cref="EncryptCrops"/> is off.</summary>
    public string? CropKeyRing { get; set; }

    /// <summary>The store's settings from the validated config sections.</summary>
    public static FlaggedStoreOptions From(StorageOptions storage, FlaggingOptions flagging)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(flagging);
        return new FlaggedStoreOptions
        {
            Folder = Path.Combine(storage.DataDirectory, FolderName),
            MinIntervalPerBed = TimeSpan.FromMinutes(1) / flagging.MaxPerBedPerMinute,
            RetentionDays = storage.RetentionDays,
            QuotaBytes = storage.QuotaMegabytes * (1L << 20),
            EncryptCrops = storage.EncryptCrops,
            CropKeyRing = string.IsNullOrWhiteSpace(storage.CropKeyRing) ? null : storage.CropKeyRing,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unusable setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder)) throw new ArgumentException("flagged store folder is empty");
        if (MinIntervalPerBed < TimeSpan.Zero) throw new ArgumentException($"flagged store MinIntervalPerBed is {MinIntervalPerBed}; it must not be negative");
        if (RetentionDays < 1) throw new ArgumentException($"flagged store RetentionDays is {RetentionDays}; it must be at least 1");
        if (QuotaBytes < 1) throw new ArgumentException($"flagged store QuotaBytes is {QuotaBytes}; it must be at least 1");
        if (EncryptCrops && string.IsNullOrWhiteSpace(CropKeyRing)) throw new ArgumentException("flagged store EncryptCrops needs a CropKeyRing folder");
        if (SweepLeftoversOlderThan < TimeSpan.Zero) throw new ArgumentException($"flagged store SweepLeftoversOlderThan is {SweepLeftoversOlderThan}; it must not be negative");
    }
}
