namespace Npa.Monitor.Configuration;

/// <summary>The <c>Flagging</c> section: which assessed frames are kept for relabeling.</summary>
public sealed class FlaggingOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Flagging";

    /// <summary>False keeps no frames at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Flag when the two branches' arg-max classes differ.</summary>
    public bool FlagBranchDisagreement { get; set; } = true;

    /// <summary>Flag when fused α is below this, 0–1; empty uses the package manifest's H/L threshold.</summary>
    public double? LowAlphaThreshold { get; set; }

    /// <summary>Flag when the largest fused probability is below this, 0–1.</summary>
    public double LowConfidenceThreshold { get; set; } = 0.4;

    /// <summary>
    /// Flag (as low confidence) when the score's predictive standard deviation is above this, 0.1–3.5 NIPS points. The
    /// same default as Alerts:MaxScoreSpread, so that every frame kept out of the bed's score is also sent for relabelling.
    /// </summary>
    public double MaxScoreSpread { get; set; } = 1.1;

    /// <summary>At most this many flagged frames per bed per minute, 1–600.</summary>
    public int MaxPerBedPerMinute { get; set; } = 6;
}
