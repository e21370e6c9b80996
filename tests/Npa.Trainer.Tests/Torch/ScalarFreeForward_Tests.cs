using Npa.Trainer.Models;
using Npa.Trainer.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Tests.Torch;

public sealed class ScalarFreeForward_Tests
{
    private static Sequential Block()
    {
        manual_seed(11);
        var block = ConvNormActivation.Create(3, 8, 3, stride: 2);
        using (no_grad())
        {
            foreach (var (_, module) in block.named_modules())
            {
                if (module is not BatchNorm2d bn) continue;
                bn.weight!.uniform_(0.5, 1.5);
                bn.bias!.uniform_(-0.5, 0.5);
            }
        }
        return block;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Conv_Norm_Activation_Gives_The_Same_Output_And_Statistics_As_Call(bool training)
    {
        using var expected = Block();
        using var actual = Block();
        expected.train(training);
        actual.train(training);
        using var scope = NewDisposeScope();
        for (int i = 0; i < 3; i++)
        {
            manual_seed(20 + i);
            var x = randn(4, 3, 9, 9);
            Assert.True(expected.call(x).equal(ScalarFreeForward.Run(actual, x)).all().item<bool>(), $"output {i} differs");
        }

        var expectedState = expected.state_dict();
        var actualState = actual.state_dict();
        Assert.Equal(expectedState.Keys, actualState.Keys);
        foreach (var key in expectedState.Keys) Assert.True(expectedState[key].equal(actualState[key]).all().item<bool>(), $"{key} differs");
        var count = actualState["1.num_batches_tracked"].item<long>();
        Assert.Equal(training ? 3 : 0, count);
    }

    [Fact]
    public void Empty_Sequential_Gives_An_Alias_Of_The_Input()
    {
        using var empty = Sequential();
        using var x = ones(2, 3);
        using var y = ScalarFreeForward.Run(empty, x);
        Assert.True(y.equal(x).all().item<bool>());
        Assert.NotSame(x, y);
    }

    [Fact]
    public void Three_Dimensional_Input_To_BatchNorm2d_Is_Refused()
    {
        using var bn = BatchNorm2d(3);
        using var x = ones(2, 3, 4);
        Assert.Throws<ArgumentException>(() => ScalarFreeForward.Run(bn, x));
    }
}
