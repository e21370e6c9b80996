using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;
using Npa.Monitor.Storage;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Storage;

/// <summary>Reason codes from an inference result against the thresholds.</summary>
public sealed class FlaggingRules_Tests
{
    [Fact]
    public void Confident_Agreeing_High_Alpha_Result_Is_Not_Flagged()
    {
        var rules = new FlaggingRules(new FlaggingOptions(), manifestAlphaThreshold: 0.3);
        Assert.Equal(FlagReasons.None, rules.Evaluate(Result(agree: true, alphaA: 0.9f, alphaB: 0.9f, confidence: 0.9)));
    }

    [Fact]
    public void Each_Rule_Sets_Its_Own_Reason()
    {
        var rules = new FlaggingRules(new FlaggingOptions { LowConfidenceThreshold = 0.5 }, manifestAlphaThreshold: 0.3);
        Assert.Equal(FlagReasons.BranchDisagreement, rules.Evaluate(Result(agree: false, 0.9f, 0.9f, 0.9)));
        Assert.Equal(FlagReasons.LowAlpha, rules.Evaluate(Result(agree: true, 0.5f, 0.5f, 0.9))); // 0.25 < 0.3
        Assert.Equal(FlagReasons.LowConfidence, rules.Evaluate(Result(agree: true, 0.9f, 0.9f, 0.49)));
        Assert.Equal(FlagReasons.BranchDisagreement | FlagReasons.LowAlpha | FlagReasons.LowConfidence,
            rules.Evaluate(Result(agree: false, 0.5f, 0.5f, 0.2)));
    }

    [Fact]
    public void A_Spread_Out_Read_Is_Flagged_Low_Confidence_Though_Its_Top_Probability_Passes()
    {
        var rules = new FlaggingRules(new FlaggingOptions(), manifestAlphaThreshold: 0.3);
        float[] torn = [0, 0.45f, 0, 0, 0, 0, 0, 0.55f]; // spread 2.99 NIPS points
        Assert.Equal(FlagReasons.LowConfidence, rules.Evaluate(Result(agree: true, 0.9f, 0.9f, 0.55, torn)));
        var lenient = new FlaggingRules(new FlaggingOptions { MaxScoreSpread = 3.5 }, manifestAlphaThreshold: 0.3);
        Assert.Equal(FlagReasons.None, lenient.Evaluate(Result(agree: true, 0.9f, 0.9f, 0.55, torn)));
    }

    [Fact]
    public void Low_Alpha_Threshold_Comes_From_The_Manifest_Unless_Configured()
    {
        Assert.Equal(0.3, new FlaggingRules(new FlaggingOptions(), 0.3).LowAlphaThreshold);
        var configured = new FlaggingRules(new FlaggingOptions { LowAlphaThreshold = 0.2 }, 0.3);
        Assert.Equal(0.2, configured.LowAlphaThreshold);
        Assert.Equal(FlagReasons.None, configured.Evaluate(Result(agree: true, 0.5f, 0.5f, 0.9))); // 0.25 ≥ 0.2
    }

    [Fact]
    public void Disabled_Flagging_Flags_Nothing()
    {
        var rules = new FlaggingRules(new FlaggingOptions { Enabled = false }, 0.3);
        Assert.Equal(FlagReasons.None, rules.Evaluate(Result(agree: false, 0.1f, 0.1f, 0.1)));
    }

    [Fact]
    public void Reason_Codes_Round_Trip_And_Unknown_Codes_Are_Named()
    {
        var all = FlagReasons.BranchDisagreement | FlagReasons.LowAlpha | FlagReasons.LowConfidence;
        Assert.Equal("branch_disagreement|low_alpha|low_confidence", FlagReasonCodes.Format(all));
        Assert.Equal(all, FlagReasonCodes.Parse(FlagReasonCodes.Format(all)));
        var ex = Assert.Throws<FormatException>(() => FlagReasonCodes.Parse("low_alpha|blurry"));
        Assert.Contains("'blurry'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_Settings_Follow_The_Storage_And_Flagging_Sections()
    {
        var store = FlaggedStoreOptions.From(
            new StorageOptions { DataDirectory = "/var/lib/npa", RetentionDays = 7, QuotaMegabytes = 3 },
            new FlaggingOptions { MaxPerBedPerMinute = 4 });
        Assert.Equal(("/var/lib/npa/flagged", TimeSpan.FromSeconds(15), 7, 3L * 1024 * 1024),
            (store.Folder, store.MinIntervalPerBed, store.RetentionDays, store.QuotaBytes));
    }

    [Fact]
    public void Candidate_Carries_The_Fused_Probabilities_And_Model()
    {
        var r = Result(agree: false, 0.5f, 0.5f, 0.5);
        var c = FlaggingRules.ToCandidate("bed7", DateTimeOffset.UnixEpoch, FlagReasons.BranchDisagreement, r);
        Assert.Equal(("bed7", r.Level, "m1", FlagReasons.BranchDisagreement), (c.Bed, c.PredictedLevel, c.ModelId, c.Reasons));
        Assert.Same(r.Fused, c.Probabilities);
    }

    private static InferenceResult Result(bool agree, float alphaA, float alphaB, double confidence, float[]? probabilities = null)
    {
        // Narrow by default (spread 0.4 NIPS points), so that only the confidence passed decides the low-confidence rule.
        float[] fused = probabilities ?? [0, 0, 0, 0.8f, 0.2f, 0, 0, 0];
        return new InferenceResult(fused, fused, alphaA, alphaB, fused, 3.2, 3, NipsScale.CategoryOf(3), agree, confidence, "m1");
    }
}
