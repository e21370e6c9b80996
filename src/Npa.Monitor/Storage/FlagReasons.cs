namespace Npa.Monitor.Storage;

/// <summary>Why a frame was kept for relabelling (several may hold at once).</summary>
[Flags]
public enum FlagReasons
{
    /// <summary>Nothing doubtful.</summary>
    None = 0,

    /// <summary>The two branches' arg-max classes differ.</summary>
    BranchDisagreement = 1,

    /// <summary>The fused uncertainty weight α1·α2 is below the low-α threshold.</summary>
    LowAlpha = 2,

    /// <summary>The largest fused probability is below the confidence threshold.</summary>
    LowConfidence = 4,
}
