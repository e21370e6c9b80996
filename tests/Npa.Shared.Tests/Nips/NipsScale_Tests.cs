using Npa.Shared.Nips;

namespace Npa.Shared.Tests.Nips;

public sealed class NipsScale_Tests
{
    [Theory]
    [InlineData(0, NipsCategory.NoPain)]
    [InlineData(2, NipsCategory.NoPain)]
    [InlineData(3, NipsCategory.MildToModerate)]
    [InlineData(4, NipsCategory.MildToModerate)]
    [InlineData(5, NipsCategory.Severe)]
    [InlineData(7, NipsCategory.Severe)]
    public void Integer_Score_Falls_In_Its_Band(int score, NipsCategory expected)
    {
        Assert.Equal(expected, NipsScale.CategoryOf(score));
    }

    [Theory]
    [InlineData(2.49, NipsCategory.NoPain)]
    [InlineData(2.5, NipsCategory.MildToModerate)]
    [InlineData(4.49, NipsCategory.MildToModerate)]
    [InlineData(4.5, NipsCategory.Severe)]
    [InlineData(-0.3, NipsCategory.NoPain)]
    [InlineData(9.0, NipsCategory.Severe)]
    public void Continuous_Score_Rounds_Half_Away_From_Zero(double score, NipsCategory expected)
    {
        Assert.Equal(expected, NipsScale.CategoryOf(score));
    }

    [Fact]
    public void Out_Of_Range_Scores_Are_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NipsScale.CategoryOf(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => NipsScale.CategoryOf(-1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NipsScale.CategoryOf(double.NaN));
        Assert.StartsWith("score is NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_Score_Is_Probability_Weighted_Mean()
    {
        Assert.Equal(3.0, NipsScale.ExpectedScore([0, 0, 0, 1, 0, 0, 0, 0]), 12);
        // 0.5·2 + 0.25·4 + 0.25·7 = 3.75
        Assert.Equal(3.75, NipsScale.ExpectedScore([0, 0, 0.5f, 0, 0.25f, 0, 0, 0.25f]), 6);
    }

    [Fact]
    public void Bad_Probability_Vectors_Are_Refused_Readably()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => NipsScale.ExpectedScore([0.5f, 0.5f]));
        Assert.StartsWith("expected 8 probabilities, got 2", wrongLength.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => NipsScale.ExpectedScore([1.5f, -0.5f, 0, 0, 0, 0, 0, 0]));
        Assert.StartsWith("probability 1 is -0.5", negative.Message, StringComparison.Ordinal);
        var sum = Assert.Throws<ArgumentException>(() => NipsScale.ExpectedScore([0.5f, 0, 0, 0, 0, 0, 0, 0]));
        Assert.StartsWith("probabilities sum to 0.5000, not 1", sum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgMax_Picks_The_First_Largest()
    {
        Assert.Equal(4, NipsScale.ArgMax([0.1f, 0.1f, 0.1f, 0.1f, 0.3f, 0.3f, 0, 0]));
        Assert.Throws<ArgumentException>(() => NipsScale.ArgMax([]));
    }

    [Fact]
    public void Wire_Names_Are_Snake_Case()
    {
        Assert.Equal(["no_pain", "mild_moderate", "severe"], Enum.GetValues<NipsCategory>().Select(NipsScale.WireName));
    }

    [Fact]
    public void Score_Spread_Is_The_Predictive_Standard_Deviation()
    {
        Assert.Equal(0, NipsScale.ScoreSpread([0, 0, 0, 1, 0, 0, 0, 0]), 12);
        // Half at 0, half at 7: E = 3.5, every unit of mass 3.5 away.
        Assert.Equal(3.5, NipsScale.ScoreSpread([0.5f, 0, 0, 0, 0, 0, 0, 0.5f]), 6);
        // E = 3.75; variance 0.5·1.75² + 0.25·0.25² + 0.25·3.25² = 4.1875.
        Assert.Equal(Math.Sqrt(4.1875), NipsScale.ScoreSpread([0, 0, 0.5f, 0, 0.25f, 0, 0, 0.25f]), 6);
        Assert.Throws<ArgumentException>(() => NipsScale.ScoreSpread([0.5f, 0.5f]));
    }
}
