namespace Npa.Monitor.Configuration;

/// <summary>The <c>Storage</c> section: where flagged frames and the alert outbox live, and how much they may keep.</summary>
public sealed class StorageOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Storage";

    /// <summary>Data folder (SQLite database, crops, outbox); created with mode 0700 when missing.</summary>
    public string DataDirectory { get; set; } = "data/monitor";

    /// <summary>Flagged frames older than this are deleted, 1–3650 days.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Disk quota for stored crops, 1–1048576 MiB; the oldest unlabeled frames go first.</summary>
    public int QuotaMegabytes { get; set; } = 1024;

    /// <summary>Seal new crops with AES-256-GCM under the newest key of <see cref="CropKeyRing"/> (docs/crop-encryption.md).</summary>
    public bool EncryptCrops { get; set; }

    /// <summary>Folder of crop key files (<c>{keyId}.key</c>, 32 bytes, mode 0600); required when <see cref="EncryptCrops"/> is on.</summary>
    public string CropKeyRing { get; set; } = "";
}
