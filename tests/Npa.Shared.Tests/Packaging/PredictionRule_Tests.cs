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
