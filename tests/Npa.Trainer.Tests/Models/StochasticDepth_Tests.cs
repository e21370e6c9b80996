using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

public class StochasticDepth_Tests
{
    [Fact]
    public void Eval_Mode_Passes_Input_Through()
    {
        using var module = new StochasticDepth(0.5);
        module.eval();
        using var scope = NewDisposeScope();
        var x = randn(4, 3, 2, 2);
        Assert.True(module.call(x).equal(x).all().item<bool>());
    }

    [Fact]
    public void Training_Drops_Whole_Rows_And_Rescales_Survivors()
    {
        using var module = new StochasticDepth(0.5);
        module.train();
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = ones(64, 3, 2, 2);
        var y = module.call(x);
        var perRow = y.reshape(64, -1);
        var rowMin = perRow.min(1).values;
        var rowMax = perRow.max(1).values;

        // Each sample is either dropped (all 0) or kept and divided by the survival rate 0.5 (all 2).
        Assert.True(rowMin.equal(rowMax).all().item<bool>());
        Assert.True((rowMin.eq(0) | rowMin.eq(2)).all().item<bool>());
        var kept = rowMin.eq(2).sum().item<long>();
        Assert.InRange(kept, 16, 48);
    }

    [Fact]
    public void Probability_One_Drops_Everything()
    {
        using var module = new StochasticDepth(1.0);
        module.train();
        using var scope = NewDisposeScope();
        Assert.Equal(0f, module.call(ones(5, 2, 1, 1)).abs().sum().item<float>());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Probability_Outside_Zero_To_One_Is_Refused(double p)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticDepth(p));
        Assert.Contains("Stochastic depth probability must be in [0, 1]", error.Message, StringComparison.Ordinal);
    }
}
