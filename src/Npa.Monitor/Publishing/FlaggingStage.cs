using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Storage;
using OpenCvSharp;

namespace Npa.Monitor.Publishing;

/// <summary>
/// Keeps doubtful frames: applies the flagging rules (branch disagreement, low α against the serving model's
/// threshold, low confidence), hands the crop as PNG to the flagged-frame store, and returns the frame marked
/// <see cref="AssessedFrame.Flagged"/> when the store kept it. A stage before the outputs, so every output reads the same value.
/// </summary>
public sealed class FlaggingStage(IFlaggedFrameStore store, IOptions<FlaggingOptions> options, ILogger<FlaggingStage> logger)
{
    private FlaggingRules? _rules;

    /// <summary>The frame, or a copy of it marked flagged once the store has kept its crop.</summary>
    public async ValueTask<AssessedFrame> FlagAsync(AssessedFrame assessed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        if (assessed.Result is not { } result) return assessed;
        var reasons = Rules(assessed.AlphaThreshold).Evaluate(result);
        if (reasons == FlagReasons.None || assessed.Frame.Crop is not { } crop) return assessed;
        Cv2.ImEncode(".png", crop, out byte[] png);
        var candidate = FlaggingRules.ToCandidate(assessed.Frame.BedId, assessed.Frame.Timestamp, reasons, result);
        var outcome = await store.AddAsync(candidate, png, ct).ConfigureAwait(false);
        if (outcome == FlagStoreOutcome.Stored) return assessed with { Flagged = true };
        if (outcome == FlagStoreOutcome.LargerThanQuota)
            logger.LogWarning("bed {Bed}: flagged frame not kept: its crop alone exceeds Storage:QuotaMegabytes", assessed.Frame.BedId);
        return assessed;
    }

    // One rules object per serving threshold: a hot-swapped model may bring another α threshold.
    private FlaggingRules Rules(double alphaThreshold)
    {
        var rules = Volatile.Read(ref _rules);
        if (rules is not null && (options.Value.LowAlphaThreshold is not null || rules.LowAlphaThreshold == alphaThreshold)) return rules;
        rules = new FlaggingRules(options.Value, alphaThreshold);
        Volatile.Write(ref _rules, rules);
        return rules;
    }
}
