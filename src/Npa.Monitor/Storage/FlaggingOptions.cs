namespace Npa.Monitor.Storage;

/// <summary>When a frame is kept for relabelling (config section <c>Flagging</c>).</summary>
public sealed class FlaggingOptions
{
    /// <summary>Whether frames are flagged at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Flag when the two branches' arg-max classes differ.</summary>
    public bool BranchDisagreement { get; set; } = true;

    /// <summary>Flag when α1·α2 is below this (0..1); null takes the model manifest's α threshold between groups H and L.</summary>
    public double? LowAlphaThreshold { get; set; }

    /// <summary>Flag when the largest fused probability is below this (0..1; 0 turns the rule off).</summary>
    public double LowConfidenceThreshold { get; set; } = 0.4;
}
