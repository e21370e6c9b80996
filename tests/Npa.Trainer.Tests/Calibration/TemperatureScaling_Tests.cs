using Npa.Shared.Packaging;
using Npa.Trainer.Calibration;
using Xunit.Abstractions;

namespace Npa.Trainer.Tests.Calibration;

public sealed class TemperatureScaling_Tests(ITestOutputHelper output)
{
    /// <summary>
    /// Eight patterns, one per top class k: the labels follow p = 0.65 on k and 0.05 on each other class exactly (13 and
    /// 1 of 20 samples), and every sample's α·logits are <paramref name="factor"/>·ln p. The NLL is then the cross-entropy
    /// between p and softmax(factor·ln p / T), whose unique minimum is softmax(ln p) = p, i.e. T = factor.
    /// </summary>
    private static (NetworkLogits Logits, int[] Labels) Overconfident(double factor, float alpha = 1, int branches = 1)
    {
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (int k = 0; k < 8; k++)
        {
            float[] z = [.. Enumerable.Range(0, 8).Select(c => (float)(factor / alpha * Math.Log(c == k ? 0.65 : 0.05)))];
            for (int c = 0; c < 8; c++)
                for (int n = 0; n < (c == k ? 13 : 1); n++)
                {
                    logits.Add(z);
                    labels.Add(c);
                }
        }
        var branch = new BranchLogits(logits, [.. Enumerable.Repeat(alpha, logits.Count)]);
        return (new NetworkLogits([.. Enumerable.Repeat(branch, branches)]), [.. labels]);
    }

    [Fact]
    public void Logits_Twice_Too_Confident_Give_Temperature_Two()
    {
        var (logits, labels) = Overconfident(2);
        var fit = TemperatureScaling.Fit(logits, labels);
        output.WriteLine($"T {fit.Temperature:F6}, NLL {fit.NllBefore:F4} → {fit.NllAfter:F4}, ECE {fit.EceBefore:F4} → {fit.EceAfter:F4}");
        Assert.Equal(2.0, fit.Temperature, 1e-4);
        Assert.Equal(160, fit.Samples);
        Assert.True(fit.NllAfter < fit.NllBefore);
        // At T = 2 every confidence is 0.65 and 13 of every 20 top-class guesses are right: ECE 0.
        Assert.Equal(0.0, fit.EceAfter, 1e-4);
        // At T = 1 the confidence is 0.65²/(0.65² + 7·0.05²) = 0.96, against an accuracy of 0.65.
        Assert.Equal(0.4225 / 0.44 - 0.65, fit.EceBefore, 1e-4);
    }

    [Fact]
    public void Two_Branches_With_Alpha_Give_The_Same_Optimum_On_The_Alpha_Scaled_Logits()
    {
        var (logits, labels) = Overconfident(2, alpha: 0.5f, branches: 2);
        Assert.Equal(2.0, TemperatureScaling.Fit(logits, labels).Temperature, 1e-4);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Logits_Off_By_A_Known_Factor_Give_That_Factor(double factor)
    {
        var (logits, labels) = Overconfident(factor);
        Assert.Equal(factor, TemperatureScaling.Fit(logits, labels).Temperature, 1e-4 * factor);
    }

    /// <summary>
    /// <see cref="Overconfident"/>'s patterns, but with the labels as symmetric noise at 0.28 leaves them: per pattern of
    /// 500, q = 0.65·0.72 + 0.35·0.04 = 0.482 on the top class (241) and 0.05·0.72 + 0.95·0.04 = 0.074 on each other (37).
    /// </summary>
    private static (NetworkLogits Logits, int[] Labels) OverconfidentWithNoisyLabels(double factor)
    {
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (int k = 0; k < 8; k++)
        {
            float[] z = [.. Enumerable.Range(0, 8).Select(c => (float)(factor * Math.Log(c == k ? 0.65 : 0.05)))];
            for (int c = 0; c < 8; c++)
                for (int n = 0; n < (c == k ? 241 : 37); n++)
                {
                    logits.Add(z);
                    labels.Add(c);
                }
        }
        return (new NetworkLogits([new BranchLogits(logits, [.. Enumerable.Repeat(1f, logits.Count)])]), [.. labels]);
    }

    [Fact]
    public void Fitting_Through_The_Noise_Model_Recovers_The_Clean_Temperature_From_Noisy_Labels()
    {
        var (logits, noisy) = OverconfidentWithNoisyLabels(2);
        var onLabels = TemperatureScaling.Fit(logits, noisy);
        var throughNoise = TemperatureScaling.Fit(logits, noisy, Npa.Shared.Datasets.LabelNoise.SymmetricTransition(0.28));
        output.WriteLine($"T on the noisy labels {onLabels.Temperature:F4}, through the noise model {throughNoise.Temperature:F4}");
        // The noise model maps p to q one-to-one, so the likelihood of q peaks where softmax(2·ln p / T) = p: T = 2.
        Assert.Equal(2.0, throughNoise.Temperature, 1e-3);
        // On the noisy labels as given, T must also explain the noise: it flattens past the clean optimum.
        Assert.True(onLabels.Temperature > 2.5, $"T on labels {onLabels.Temperature}");
        // The package manifest says which likelihood T was fitted on.
        Assert.Equal("noise_aware", throughNoise.ToCalibration("val").Method);
        Assert.Null(onLabels.ToCalibration("val").Method);
    }

    [Fact]
    public void Noise_Aware_Nll_Is_The_Log_Of_The_Label_Likelihood_Through_The_Model()
    {
        // One sample, p = softmax(ln(0.65, 0.05 × 7)) = (0.65, 0.05, …), label 1: Σ_k p_k·T[k][1] = 0.65·0.04 + 0.05·0.72 + 6·0.05·0.04.
        var (logits, _) = Overconfident(1);
        var one = new NetworkLogits([new BranchLogits([logits.Branches[0].Logits[0]], [1f])]);
        double expected = -Math.Log(0.65 * 0.04 + 0.05 * 0.72 + 6 * 0.05 * 0.04);
        Assert.Equal(expected, TemperatureScaling.Nll(one, [1], 1, Npa.Shared.Datasets.LabelNoise.SymmetricTransition(0.28)), 5);
        Assert.Equal(-Math.Log(0.05), TemperatureScaling.Nll(one, [1], 1), 5);
    }

    [Fact]
    public void Fit_Is_Deterministic()
    {
        var (logits, labels) = Overconfident(3);
        Assert.Equal(TemperatureScaling.Fit(logits, labels), TemperatureScaling.Fit(logits, labels));
    }

    [Fact]
    public void Nll_At_T_Matches_The_Fused_Probabilities_Of_The_Prediction_Rule()
    {
        var (logits, labels) = Overconfident(2, alpha: 0.7f, branches: 2);
        double expected = -Enumerable.Range(0, labels.Length).Average(i => Math.Log(logits.Fused(i, 1.3)[labels[i]]));
        Assert.Equal(expected, TemperatureScaling.Nll(logits, labels, 1.3), 1e-5);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(FusionRule.AlphaWeighted)]
    [InlineData(FusionRule.ConfidenceWeighted)]
    public void Nll_Under_Each_Fusion_Rule_Matches_The_Prediction_Rule(string? fusion)
    {
        // Branches that disagree, with different α, so that each rule weights them differently.
        var a = new BranchLogits([[3f, 0f, -1f], [0.5f, 2f, 0f]], [0.9f, 0.3f]);
        var b = new BranchLogits([[0f, 1f, 0f], [1f, 0f, 4f]], [0.2f, 0.8f]);
        var logits = new NetworkLogits([a, b]) { Fusion = fusion };
        int[] labels = [0, 2];
        double expected = -labels.Select((y, i) => Math.Log(logits.Fused(i, 1.7)[y])).Average();
        Assert.Equal(expected, TemperatureScaling.Nll(logits, labels, 1.7), 1e-5);
    }

    [Fact]
    public void Alpha_Weighted_Fusion_Weights_Each_Branch_By_Its_Alpha()
    {
        // Sample 0: branch a softmax(0.9·[3, 0, −1]), branch b softmax(0.2·[0, 1, 0]); weights 0.9/1.1 and 0.2/1.1.
        var a = new BranchLogits([[3f, 0f, -1f]], [0.9f]);
        var b = new BranchLogits([[0f, 1f, 0f]], [0.2f]);
        var mean = new NetworkLogits([a, b]);
        var weighted = mean with { Fusion = FusionRule.AlphaWeighted };
        float[] pa = PredictionRule.BranchProbabilities([3f, 0f, -1f], 0.9f), pb = PredictionRule.BranchProbabilities([0f, 1f, 0f], 0.2f);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal((pa[k] + pb[k]) / 2, mean.Fused(0)[k], 1e-6);
            Assert.Equal(0.9 / 1.1 * pa[k] + 0.2 / 1.1 * pb[k], weighted.Fused(0)[k], 1e-6);
        }
    }

    [Fact]
    public void Label_Count_Differing_From_The_Predictions_Is_Refused()
    {
        var (logits, labels) = Overconfident(2);
        var ex = Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit(logits, labels[1..]));
        Assert.Contains("160 predictions but 159 labels", ex.Message, StringComparison.Ordinal);
    }
}
