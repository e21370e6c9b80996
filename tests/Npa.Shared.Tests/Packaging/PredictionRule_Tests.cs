using Npa.Shared.Packaging;

namespace Npa.Shared.Tests.Packaging;

public sealed class PredictionRule_Tests
{
    [Fact]
    public void Temperature_One_Gives_Softmax_Of_Alpha_Scaled_Logits()
    {
        // α·logits = [ln 3, 0, 0, 0] → [3, 1, 1, 1] / 6.
        float[] p = PredictionRule.BranchProbabilities([2 * MathF.Log(3), 0, 0, 0], 0.5f);
        Assert.Equal([0.5f, 1 / 6f, 1 / 6f, 1 / 6f], p, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Temperature_Two_Halves_The_Scaled_Logits()
    {
        // α·logits / T = [ln 9, 0, 0, 0] / 2 = [ln 3, 0, 0, 0] → [3, 1, 1, 1] / 6.
        float[] p = PredictionRule.BranchProbabilities([MathF.Log(9), 0, 0, 0], 1f, temperature: 2);
        Assert.Equal([0.5f, 1 / 6f, 1 / 6f, 1 / 6f], p, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Large_Logits_Stay_Finite()
    {
        float[] p = PredictionRule.BranchProbabilities([1000f, -1000f], 1f, 0.05);
        Assert.Equal([1f, 0f], p);
    }

    [Fact]
    public void Fuse_Gives_The_Mean_Of_The_Branches()
    {
        Assert.Equal([0.6f, 0.4f], PredictionRule.Fuse([[1f, 0f], [0.2f, 0.8f]]), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal([0.3f, 0.7f], PredictionRule.Fuse([[0.3f, 0.7f]]));
    }

    [Fact]
    public void Alpha_Weighted_Fusion_Weights_Each_Branch_By_Its_Alpha()
    {
        // α 0.75 and 0.25: 0.75·[1, 0] + 0.25·[0.2, 0.8] = [0.8, 0.2].
        Assert.Equal([0.8f, 0.2f], PredictionRule.Fuse([[1f, 0f], [0.2f, 0.8f]], [0.75f, 0.25f], FusionRule.AlphaWeighted),
            (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Confidence_Weighted_Fusion_Weights_Each_Branch_By_Its_Top_Probability()
    {
        // Top probabilities 1 and 0.8: (1·[1, 0] + 0.8·[0.2, 0.8]) / 1.8 = [1.16, 0.64] / 1.8 = [0.644444, 0.355556].
        Assert.Equal([0.644444f, 0.355556f], PredictionRule.Fuse([[1f, 0f], [0.2f, 0.8f]], [0.1f, 0.9f], FusionRule.ConfidenceWeighted),
            (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Mean_Rule_Null_Rule_And_Zero_Weights_Give_The_Plain_Mean()
    {
        float[][] branches = [[1f, 0f], [0.2f, 0.8f]];
        float[] mean = PredictionRule.Fuse(branches);
        Assert.Equal(mean, PredictionRule.Fuse(branches, [0.9f, 0.1f], null));
        Assert.Equal(mean, PredictionRule.Fuse(branches, [0.9f, 0.1f], FusionRule.Mean));
        Assert.Equal(mean, PredictionRule.Fuse(branches, [0f, 0f], FusionRule.AlphaWeighted));
    }

    [Fact]
    public void Unknown_Fusion_Or_Missing_Alpha_Is_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => PredictionRule.Fuse([[1f, 0f], [0f, 1f]], [0.5f, 0.5f], "max"));
        Assert.Contains("fusion must be one of mean, alpha_weighted, confidence_weighted, got 'max'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PredictionRule.Fuse([[1f, 0f], [0f, 1f]], [0.5f], FusionRule.AlphaWeighted));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Temperature_That_Is_Not_Positive_And_Finite_Is_Refused(double temperature)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PredictionRule.BranchProbabilities([1f, 2f], 1f, temperature));
    }
}
