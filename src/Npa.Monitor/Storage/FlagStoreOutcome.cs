namespace Npa.Monitor.Storage;

/// <summary>What happened to a flagged frame offered to the store.</summary>
public enum FlagStoreOutcome
{
    /// <summary>Stored (row and crop).</summary>
    Stored = 0,

    /// <summary>Not stored: the bed's previous flagged frame is more recent than the minimum interval.</summary>
    RateLimited = 1,

    /// <summary>Not stored: the crop alone is larger than the whole disk quota.</summary>
    LargerThanQuota = 2,
}
