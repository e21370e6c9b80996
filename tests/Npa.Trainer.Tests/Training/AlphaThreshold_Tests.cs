using Npa.Trainer.Training;

namespace Npa.Trainer.Tests.Training;

public sealed class AlphaThreshold_Tests
{
    // Sorted: 0.9, 0.7, | 0.4, 0.2 → β = 0.5 puts 2 in H; threshold = (0.7 + 0.4)/2 = 0.55
    [Fact]
    public void Threshold_Lies_Between_The_Groups() =>
        Assert.Equal(0.55, AlphaThreshold.Compute([0.2f, 0.9f, 0.4f, 0.7f], 0.5), 6);

    // β = 0.25 of 4 → 1 in H: (0.9 + 0.7)/2 = 0.8
    [Fact]
    public void Beta_Moves_The_Threshold() =>
        Assert.Equal(0.8, AlphaThreshold.Compute([0.2f, 0.9f, 0.4f, 0.7f], 0.25), 6);
}
