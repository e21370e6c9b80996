using Npa.Trainer.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Losses;

public sealed class AlphaWeightedCrossEntropy_Tests
{
    // Batch: z1 = [2, 0], α1 = 0.5, y1 = 0;  z2 = [0, 1], α2 = 1.0, y2 = 0.
    // Sample 1: α·z = [1, 0]  → CE = −log(e/(e+1)) = log(1 + e^−1) = log(1.3678794) = 0.3132617
    // Sample 2: α·z = [0, 1]  → CE = −log(1/(1+e)) = log(1 + e)    = log(3.7182818) = 1.3132617
    // Mean over the batch = (0.3132617 + 1.3132617)/2 = 0.8132617
    [Fact]
    public void Tiny_Batch_Gives_Hand_Computed_Value()
    {
        using var logits = tensor(new float[] { 2, 0, 0, 1 }).reshape(2, 2);
        using var alpha = tensor(new float[] { 0.5f, 1.0f }).reshape(2, 1);
        using var y = tensor(new long[] { 0, 0 });
        using var loss = AlphaWeightedCrossEntropy.Compute(logits, alpha, y);
        Assert.Equal(0.8132617, loss.item<float>(), 5);
    }

    // dL/dα_i = (1/N)·Σ_c (softmax(α·z)_c − onehot_c)·z_c
    // Sample 1: softmax([1,0]) = [0.7310586, 0.2689414]; (p − y) = [−0.2689414, 0.2689414]; ·[2,0] = −0.5378828; /2 = −0.2689414
    // Sample 2: softmax([0,1]) = [0.2689414, 0.7310586]; (p − y) = [−0.7310586, 0.7310586]; ·[0,1] =  0.7310586; /2 =  0.3655293
    // dL/dz_1 = α1·(p − y)/N = 0.5·[−0.2689414, 0.2689414]/2 = [−0.0672354, 0.0672354]
    [Fact]
    public void Gradients_Reach_Alpha_And_Logits_As_Computed_By_Hand()
    {
        using var logits = tensor(new float[] { 2, 0, 0, 1 }).reshape(2, 2).requires_grad_();
        using var alpha = tensor(new float[] { 0.5f, 1.0f }).reshape(2, 1).requires_grad_();
        using var y = tensor(new long[] { 0, 0 });
        using var loss = AlphaWeightedCrossEntropy.Compute(logits, alpha, y);
        loss.backward();
        var ga = alpha.grad!.data<float>().ToArray();
        Assert.Equal(-0.2689414, ga[0], 5);
        Assert.Equal(0.3655293, ga[1], 5);
        var gz = logits.grad!.data<float>().ToArray();
        Assert.Equal(-0.0672354, gz[0], 5);
        Assert.Equal(0.0672354, gz[1], 5);
    }

    [Fact]
    public void Alpha_Of_Wrong_Length_Gives_Clear_Error()
    {
        using var logits = zeros(3, 2);
        using var alpha = ones(2, 1);
        using var y = zeros(3, dtype: ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => AlphaWeightedCrossEntropy.Compute(logits, alpha, y));
        Assert.Contains("one value per sample (3)", e.Message, StringComparison.Ordinal);
    }
}
