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
