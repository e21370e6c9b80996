using Npa.Capture.Simulation;

namespace Npa.Capture.Tests.Simulation;

public sealed class ClassDistribution_Tests
{
    [Fact]
    public void Paper_Distribution_At_613_Images_Gives_Table_I()
    {
        Assert.Equal([76, 25, 12, 20, 21, 32, 177, 250], ClassDistribution.Parse("paper").Counts(613));
    }

    [Fact]
    public void Counts_Always_Sum_To_The_Total()
    {
        foreach (int total in new[] { 0, 1, 7, 100, 2000, 2001 })
        {
            Assert.Equal(total, ClassDistribution.Uniform.Counts(total).Sum());
            Assert.Equal(total, ClassDistribution.Paper.Counts(total).Sum());
        }
        Assert.Equal([250, 250, 250, 250, 250, 250, 250, 250], ClassDistribution.Uniform.Counts(2000));
    }

    [Fact]
    public void Explicit_Pairs_Leave_Missing_Classes_Empty()
    {
        Assert.Equal([0, 0, 0, 5, 0, 0, 0, 5], ClassDistribution.Parse("3:1 7:1").Counts(10));
    }

    [Theory]
    [InlineData("3:x", "'3:x' is not class:weight")]
    [InlineData("9:1", "class 9 is outside 0..7")]
    [InlineData("0:0 1:0", "has no positive weight")]
    public void Bad_Distribution_Gives_Clear_Error(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => ClassDistribution.Parse(text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
