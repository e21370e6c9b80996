using Npa.Monitor.Storage;

namespace Npa.Monitor.Configuration;

/// <summary>The <c>Storage</c> section: where and how much the monitor keeps on disk.</summary>
public sealed class StorageOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Storage";

    /// <summary>The flagged-frame store (<c>Storage:Flagged</c>): folder, per-bed interval, retention, quota.</summary>
    public FlaggedStoreOptions Flagged { get; set; } = new();
}
