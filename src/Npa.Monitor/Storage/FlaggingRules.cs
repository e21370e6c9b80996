using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;

namespace Npa.Monitor.Storage;

/// <summary>Decides which reason codes hold for one inference result.</summary>
public sealed class FlaggingRules
{
    private readonly FlaggingOptions _options;

    /// <summary>
    /// Rules from <paramref name="options"/>; the low-α threshold is the configured one, else
    /// <paramref name="manifestAlphaThreshold"/> (the α1·α2 threshold between groups H and L from the model manifest).
    /// </summary>
    public FlaggingRules(FlaggingOptions options, double manifestAlphaThreshold)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(manifestAlphaThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(manifestAlphaThreshold), manifestAlphaThreshold, "the manifest's α threshold must be between 0 and 1");
        _options = options;
        LowAlphaThreshold = options.LowAlphaThreshold ?? manifestAlphaThreshold;
    }

    /// <summary>The α1·α2 value below which a frame counts as low-α.</summary>
    public double LowAlphaThreshold { get; }

    /// <summary>The reasons that hold for <paramref name="result"/> (<see cref="FlagReasons.None"/> when it is not doubtful).</summary>
    public FlagReasons Evaluate(InferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_options.Enabled) return FlagReasons.None;
        var reasons = FlagReasons.None;
        if (_options.FlagBranchDisagreement && !result.BranchesAgree) reasons |= FlagReasons.BranchDisagreement;
        if (result.AlphaFused < LowAlphaThreshold) reasons |= FlagReasons.LowAlpha;
        if (result.Confidence < _options.LowConfidenceThreshold || result.ScoreSpread > _options.MaxScoreSpread) reasons |= FlagReasons.LowConfidence;
        return reasons;
    }

    /// <summary>The store's candidate for a flagged result.</summary>
    public static FlaggedFrameCandidate ToCandidate(string bed, DateTimeOffset time, FlagReasons reasons, InferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new FlaggedFrameCandidate(bed, time, reasons, result.Fused, result.Level, result.AlphaA, result.AlphaB, result.ModelId);
    }
}
