using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Storage;
using OpenCvSharp;

namespace Npa.Monitor.Publishing;

/// <summary>
/// Keeps doubtful frames: applies the flagging rules (branch disagreement, low α against the serving model's
/// threshold, low confidence) and hands the crop as PNG to the flagged-frame store. Runs before the MQTT output so
/// the assessment says whether it was kept.
/// </summary>
public sealed class FlaggingOutput(IFlaggedFrameStore store, IOptions<FlaggingOptions> options, ILogger<FlaggingOutput> logger) : IBedOutput
{
    private FlaggingRules? _rules;

    public async ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        var rules = Rules(assessed.AlphaThreshold);
        var reasons = rules.Evaluate(assessed.Result);
        if (reasons == FlagReasons.None || assessed.Frame.Crop is not { } crop) return;
        Cv2.ImEncode(".png", crop, out byte[] png);
        var candidate = FlaggingRules.ToCandidate(assessed.Frame.BedId, assessed.Frame.Timestamp, reasons, assessed.Result);
        var outcome = await store.AddAsync(candidate, png, ct).ConfigureAwait(false);
        if (outcome == FlagStoreOutcome.Stored) assessed.Flagged = true;
        else if (outcome == FlagStoreOutcome.LargerThanQuota)
            logger.LogWarning("bed {Bed}: flagged frame not kept: its crop alone exceeds Storage:QuotaMegabytes", assessed.Frame.BedId);
    }

    public void OnUpdate(BedUpdate update)
    {
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
