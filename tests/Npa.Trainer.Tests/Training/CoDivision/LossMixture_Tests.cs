using Npa.Trainer.Training.CoDivision;

namespace Npa.Trainer.Tests.Training.CoDivision;

public sealed class LossMixture_Tests
{
    // Raw losses {1.0, 1.1, 1.2} ∪ {3.0, 3.1, 3.2}: min 1.0, span 2.2, so normalized x = (l − 1)/2.2:
    //   clean {0, 0.0454545, 0.0909091}, mean 0.1/2.2 = 0.0454545, variance (2·0.0454545²)/3 = 0.0013774105;
    //   noisy {0.9090909, 0.9545455, 1}, mean 0.9545455, same variance. The clusters are ~25 σ apart, so EM's posteriors are
    //   0/1 to double precision and it lands on the cluster moments exactly, with weight 1/2 each.
    private static readonly double[] TwoClusters = [1.0, 3.1, 1.1, 3.0, 1.2, 3.2];

    [Fact]
    public void Separated_Clusters_Give_Their_Moments_And_The_Small_Mean_Is_Clean()
    {
        var m = LossMixture.Fit(TwoClusters);
        Assert.Equal(0.1 / 2.2, m.CleanMean, 9);
        Assert.Equal(2.1 / 2.2, m.NoisyMean, 9);
        Assert.Equal(0.0013774105, m.CleanVariance, 9);
        Assert.Equal(0.0013774105, m.NoisyVariance, 9);
        Assert.Equal(0.5, m.CleanWeight, 9);
    }

    [Fact]
    public void Posterior_Is_One_Half_At_The_Midpoint_Of_Symmetric_Clusters_And_Saturates_At_The_Ends()
    {
        var m = LossMixture.Fit(TwoClusters);
        // Equal weights and variances: the posterior is 1/2 exactly halfway, raw 1.1 + (3.1 − 1.1)/2 = 2.1.
        Assert.Equal(0.5, m.CleanProbability(2.1), 6);
        Assert.True(m.CleanProbability(1.1) > 0.999999);
        Assert.True(m.CleanProbability(3.1) < 1e-6);
        // Far outside the fitted range both densities underflow; the log-space posterior still answers 0 or 1, never NaN.
        Assert.Equal(0.0, m.CleanProbability(1e6), 9);
        Assert.Equal(1.0, m.CleanProbability(-1e6), 9);
    }

    [Fact]
    public void Posterior_Matches_The_Gaussian_Ratio_Computed_By_Hand()
    {
        var m = LossMixture.Fit(TwoClusters);
        // x = 0.48 normalized (raw 1 + 0.48·2.2 = 2.056): log odds noisy/clean with equal weight and variance v
        //   = ((x − m0)² − (x − m1)²)/(2v) = (0.1888298 − 0.2251934)/(2·0.00137741) = −13.2, so
        //   P(clean) = 1/(1 + e^−13.2) = 0.9999981494.
        Assert.Equal(0.9999981494, m.CleanProbability(2.056), 9);
    }

    [Fact]
    public void Unequal_Clusters_Give_The_Clean_Weight_Of_Their_Share()
    {
        // Four large losses, two small: the clean component holds 2 of 6.
        var m = LossMixture.Fit([0.2, 0.25, 4.0, 4.1, 4.05, 3.95]);
        Assert.Equal(1.0 / 3, m.CleanWeight, 6);
        Assert.True(m.CleanProbability(0.22) > 0.99);
        Assert.True(m.CleanProbability(4.0) < 0.01);
    }

    [Fact]
    public void Identical_Losses_Within_A_Cluster_Hit_The_Variance_Floor()
    {
        var m = LossMixture.Fit([1.0, 1.0, 1.0, 5.0, 5.0, 5.0]);
        Assert.Equal(LossMixture.VarianceFloor, m.CleanVariance, 12);
        Assert.Equal(LossMixture.VarianceFloor, m.NoisyVariance, 12);
        Assert.Equal(0.0, m.CleanMean, 9);
        Assert.Equal(1.0, m.NoisyMean, 9);
    }

    [Fact]
    public void Too_Few_Or_Non_Finite_Losses_Are_Refused()
    {
        Assert.Contains("at least two losses", Assert.Throws<ArgumentException>(() => LossMixture.Fit([1.0])).Message, StringComparison.Ordinal);
        Assert.Contains("all finite", Assert.Throws<ArgumentException>(() => LossMixture.Fit([1.0, double.NaN, 2.0])).Message, StringComparison.Ordinal);
    }
}
