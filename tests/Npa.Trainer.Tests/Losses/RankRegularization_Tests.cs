using Npa.Trainer.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Losses;

public sealed class RankRegularization_Tests
{
    // α1 = [0.9, 0.8, 0.5, 0.6], α2 = [1.0, 0.5, 0.9, 0.5] → fused α = α1·α2 = [0.9, 0.4, 0.45, 0.3]
    // β = 0.5, N = 4 → |H| = 2: H = {0 (0.9), 2 (0.45)}, L = {1 (0.4), 3 (0.3)}
    // mean α_H = 0.675, mean α_L = 0.35, gap = 0.325
    private static (Tensor A1, Tensor A2) Alphas(bool grad = false) =>
        (tensor(new float[] { 0.9f, 0.8f, 0.5f, 0.6f }).reshape(4, 1).requires_grad_(grad),
         tensor(new float[] { 1.0f, 0.5f, 0.9f, 0.5f }).reshape(4, 1).requires_grad_(grad));

    [Fact]
    public void Gap_Above_Delta1_Gives_Zero_Loss_And_The_Groups()
    {
        var (a1, a2) = Alphas();
        var split = new RankRegularization(beta: 0.5, delta1: 0.1).Compute([a1, a2]);
        Assert.Equal(0.0, split.Loss.item<float>(), 6); // max(0, 0.1 − 0.325) = 0
        Assert.Equal(0.675, split.MeanHigh, 5);
        Assert.Equal(0.35, split.MeanLow, 5);
        Assert.Equal(new[] { false, true, false, true }, split.IsLow);
    }

    // δ1 = 0.5: L_RR = 0.5 − 0.325 = 0.175.
    // d L_RR / d α (fused) = −1/|H| = −0.5 for H, +1/|L| = +0.5 for L → [−0.5, 0.5, −0.5, 0.5]
    // d L_RR / d α1_i = (d/dα_i)·α2_i = [−0.5·1.0, 0.5·0.5, −0.5·0.9, 0.5·0.5] = [−0.5, 0.25, −0.45, 0.25]
    [Fact]
    public void Gap_Below_Delta1_Gives_Hand_Computed_Loss_And_Gradient()
    {
        var (a1, a2) = Alphas(grad: true);
        var split = new RankRegularization(beta: 0.5, delta1: 0.5).Compute([a1, a2]);
        Assert.Equal(0.175, split.Loss.item<float>(), 5);
        split.Loss.backward();
        var g = a1.grad!.data<float>().ToArray();
        Assert.Equal(-0.5, g[0], 5);
        Assert.Equal(0.25, g[1], 5);
        Assert.Equal(-0.45, g[2], 5);
        Assert.Equal(0.25, g[3], 5);
    }

    [Fact]
    public void Inactive_Hinge_Gives_Zero_Gradient()
    {
        var (a1, a2) = Alphas(grad: true);
        var split = new RankRegularization(0.5, 0.1).Compute([a1, a2]);
        split.Loss.backward();
        Assert.All(a1.grad!.data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    // β = 0.25 → |H| = ⌊0.25·4⌋ = 1: H = {0.9}; L = {0.4, 0.45, 0.3}, mean 1.15/3 = 0.3833333
    // δ1 = 0.6: L_RR = 0.6 − (0.9 − 0.3833333) = 0.0833333
    [Fact]
    public void Beta_Sets_The_Size_Of_The_High_Group()
    {
        var (a1, a2) = Alphas();
        var split = new RankRegularization(beta: 0.25, delta1: 0.6).Compute([a1, a2]);
        Assert.Equal(0.0833333, split.Loss.item<float>(), 5);
        Assert.Equal(0.3833333, split.MeanLow, 5);
        Assert.Equal(new[] { false, true, true, true }, split.IsLow);
    }

    [Fact]
    public void Single_Branch_Uses_Its_Own_Alpha()
    {
        var (a1, _) = Alphas();
        // α = [0.9, 0.8, 0.5, 0.6]: H = {0.9, 0.8}, L = {0.6, 0.5}; gap = 0.85 − 0.55 = 0.3
        var split = new RankRegularization(0.5, 0.5).Compute([a1]);
        Assert.Equal(0.2, split.Loss.item<float>(), 5);
        Assert.Equal(new[] { false, false, true, true }, split.IsLow);
    }

    [Fact]
    public void Beta_Outside_Unit_Interval_Is_Rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RankRegularization(beta: 1.0));
        Assert.Contains("beta must be in (0, 1)", e.Message, StringComparison.Ordinal);
    }
}
