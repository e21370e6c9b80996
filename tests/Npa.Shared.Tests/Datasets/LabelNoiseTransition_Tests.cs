using Npa.Shared.Datasets;

namespace Npa.Shared.Tests.Datasets;

public sealed class LabelNoiseTransition_Tests
{
    [Fact]
    public void Paper_Transition_Matches_Hand_Computed_Rows()
    {
        var t = LabelNoise.PaperTransition(0.3);
        // y = 0: only ŷ = y + ε fits, each ε takes a third of 0.3.
        Assert.Equal(new[] { 0.7, 0.1, 0.1, 0.1, 0, 0, 0, 0 }, t[0], new Tolerance(1e-12));
        // y = 1: ε = 1 splits between 0 and 2; ε = 2 and 3 fit upwards only.
        Assert.Equal(new[] { 0.05, 0.7, 0.05, 0.1, 0.1, 0, 0, 0 }, t[1], new Tolerance(1e-12));
        // y = 3: every ε fits both ways: 0.05 on each of 0, 1, 2, 4, 5, 6.
        Assert.Equal(new[] { 0.05, 0.05, 0.05, 0.7, 0.05, 0.05, 0.05, 0 }, t[3], new Tolerance(1e-12));
        Assert.All(t, row => Assert.Equal(1.0, row.Sum(), 12));
    }

    [Fact]
    public void Paper_Transition_Is_What_Paper_Noise_Draws()
    {
        // Every label of class 1 changed (fraction 1): the drawn labels' frequencies are the transition's off-diagonal row.
        int[] labels = Enumerable.Repeat(1, 60_000).ToArray();
        var noisy = LabelNoise.AddPaperNoise(labels, seed: 5, fraction: 1.0).NoisyLabels;
        var expected = LabelNoise.PaperTransition(1.0)[1];
        for (int k = 0; k < 8; k++) Assert.Equal(expected[k], noisy.Count(l => l == k) / 60_000.0, 2);
    }

    [Fact]
    public void Symmetric_Transition_Spreads_The_Rate_Evenly()
    {
        var t = LabelNoise.SymmetricTransition(0.28);
        Assert.Equal(0.72, t[5][5], 12);
        Assert.Equal(0.04, t[5][0], 12);
        Assert.All(t, row => Assert.Equal(1.0, row.Sum(), 12));
    }

    [Fact]
    public void A_Rate_Outside_Zero_To_One_Is_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelNoise.PaperTransition(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelNoise.SymmetricTransition(-0.1));
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps;

        public int GetHashCode(double obj) => 0;
    }
}
