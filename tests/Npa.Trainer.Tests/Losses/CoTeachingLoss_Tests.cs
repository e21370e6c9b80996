using Npa.Trainer.Losses;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Losses;

public sealed class CoTeachingLoss_Tests
{
    // All targets 0. CE of a row [z0, z1] is log(1 + e^(z1 − z0)).
    // A: [2,0] 0.1269280, [0,0] 0.6931472, [0,2] 2.1269280, [1,0] 0.3132617  → A's two smallest: samples 0, 3.
    // B: [0,0] 0.6931472, [3,0] 0.0485874, [0,1] 1.3132617, [0,3] 3.0485874  → B's two smallest: samples 1, 0.
    private static readonly float[] A = [2, 0, 0, 0, 0, 2, 1, 0];
    private static readonly float[] B = [0, 0, 3, 0, 0, 1, 0, 3];

    /// <summary>The two branches' logits [4, 2] (leaf tensors that keep gradients when asked) and the all-zero targets.</summary>
    private sealed class Batch : IDisposable
    {
        public Batch(bool grad = false)
        {
            A = tensor(CoTeachingLoss_Tests.A).reshape(4, 2).requires_grad_(grad);
            B = tensor(CoTeachingLoss_Tests.B).reshape(4, 2).requires_grad_(grad);
        }

        public Tensor A { get; }
        public Tensor B { get; }
        public Tensor Y { get; } = zeros(4, dtype: ScalarType.Int64);

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            Y.Dispose();
        }
    }

    [Fact]
    public void Each_Branch_Learns_From_The_Other_Branch_Small_Loss_Picks()
    {
        using var batch = new Batch();
        var (a, b, y) = (batch.A, batch.B, batch.Y);
        // A over B's picks {1, 0}: (0.6931472 + 0.1269280)/2 = 0.4100376; B over A's picks {0, 3}: (0.6931472 + 3.0485874)/2 = 1.8708673.
        using var loss = CoTeachingLoss.Compute(a, b, y, keepFraction: 0.5);
        Assert.Equal(2.2809049, loss.item<float>(), 5);
    }

    [Fact]
    public void Keeping_Everything_Is_The_Sum_Of_The_Two_Mean_Cross_Entropies()
    {
        using var batch = new Batch();
        var (a, b, y) = (batch.A, batch.B, batch.Y);
        // (0.1269280 + 0.6931472 + 2.1269280 + 0.3132617)/4 + (0.6931472 + 0.0485874 + 1.3132617 + 3.0485874)/4 = 0.8150662 + 1.2758959
        using var loss = CoTeachingLoss.Compute(a, b, y, keepFraction: 1.0);
        Assert.Equal(2.0909622, loss.item<float>(), 5);
    }

    [Fact]
    public void Samples_The_Other_Branch_Dropped_Get_No_Gradient()
    {
        using var batch = new Batch(grad: true);
        var (a, b, y) = (batch.A, batch.B, batch.Y);
        using var loss = CoTeachingLoss.Compute(a, b, y, keepFraction: 0.5);
        loss.backward();
        float[] ga = a.grad!.data<float>().ToArray();
        float[] gb = b.grad!.data<float>().ToArray();
        // A trains on B's picks {0, 1}; B trains on A's picks {0, 3}.
        Assert.All(new[] { ga[4], ga[5], ga[6], ga[7] }, g => Assert.Equal(0f, g));
        Assert.All(new[] { gb[2], gb[3], gb[4], gb[5] }, g => Assert.Equal(0f, g));
        // dCE/dz0 of sample 1 in A (row [0,0]): (softmax − onehot)_0 / 2 picks = (0.5 − 1)/2 = −0.25.
        Assert.Equal(-0.25f, ga[2], 5);
    }

    [Fact]
    public void At_Least_One_Sample_Is_Kept_And_A_Bad_Fraction_Is_Refused()
    {
        using var batch = new Batch();
        var (a, b, y) = (batch.A, batch.B, batch.Y);
        // keep 0.01·4 rounds to 0 → 1: A over B's pick {1} = 0.6931472; B over A's pick {0} = 0.6931472.
        using var loss = CoTeachingLoss.Compute(a, b, y, keepFraction: 0.01);
        Assert.Equal(1.3862944, loss.item<float>(), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoTeachingLoss.Compute(a, b, y, keepFraction: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoTeachingLoss.Compute(a, b, y, keepFraction: 1.5));
    }
}
