using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class NoiseDetection_Tests
{
    [Fact]
    public void Auc_Counts_Positive_Over_Negative_Pairs()
    {
        // Positives 0.9 and 0.7 against negatives 0.8, 0.6, 0.5: 0.9 beats 3, 0.7 beats 2, so 5 of 6 pairs.
        double auc = NoiseDetection.Auc([0.9, 0.8, 0.7, 0.6, 0.5], [true, false, true, false, false]);
        Assert.Equal(5.0 / 6.0, auc, 12);
    }

    [Fact]
    public void Auc_Counts_A_Tie_As_Half_A_Pair()
    {
        // Positives 1 and 0.5, negatives 0.5 and 0: 1 beats both (2), 0.5 ties one (0.5) and beats one (1): 3.5 of 4.
        Assert.Equal(0.875, NoiseDetection.Auc([1, 0.5, 0.5, 0], [true, true, false, false]), 12);
        Assert.Equal(0.5, NoiseDetection.Auc([0.3, 0.3], [true, false]), 12);
    }

    [Fact]
    public void Auc_Of_A_Reversed_Score_Is_One_Minus_Auc()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6];
        bool[] positive = [false, true, false, true, false, false, true];
        double forward = NoiseDetection.Auc(scores, positive);
        double reversed = NoiseDetection.Auc(scores.Select(s => -s).ToArray(), positive);
        Assert.Equal(1.0, forward + reversed, 12);
        // Positives 0.4, 0.8, 0.6 against 0.1, 0.35, 0.2, 0.9: 3 + 3 + 3 = 9 of 12 pairs.
        Assert.Equal(0.75, forward, 12);
    }

    [Fact]
    public void Auc_Without_Both_Classes_Is_NaN()
    {
        Assert.True(double.IsNaN(NoiseDetection.Auc([0.1, 0.2], [false, false])));
        Assert.True(double.IsNaN(NoiseDetection.Auc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Share_Counts_Positives_Among_The_Selected()
    {
        // Selected: items 0, 1, 3; of those 0 and 3 are positive.
        Assert.Equal(2.0 / 3.0, NoiseDetection.Share([true, false, true, true], [true, true, false, true]), 12);
        Assert.True(double.IsNaN(NoiseDetection.Share([true], [false])));
    }
}
