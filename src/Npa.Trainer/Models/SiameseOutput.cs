using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Models;

/// <summary>The Siamese network's forward result: branch A, and branch B unless the network runs a single branch.</summary>
public sealed record SiameseOutput(BranchOutput A, BranchOutput? B) : IDisposable
{
    /// <summary>The branches present, A first.</summary>
    public IReadOnlyList<BranchOutput> Branches => B is null ? [A] : [A, B];

    /// <summary>Fused prediction: mean of the branches' softmax(α·logits) (one branch: its own).</summary>
    public Tensor FusedProbabilities()
    {
        if (B is null) return A.Probabilities();
        using var pa = A.Probabilities();
        using var pb = B.Probabilities();
        using var two = 2.0.ToScalar();
        using var sum = pa.add(pb, HeldScalars.One);
        return sum.div(two);
    }

    /// <summary>Fused uncertainty α = α1·α2 [N,1] used by rank regularisation (one branch: its own α).</summary>
    public Tensor FusedAlpha() => B is null ? A.Alpha.alias() : A.Alpha * B.Alpha;

    /// <summary>Disposes both branches' tensors; safe to call twice.</summary>
    public void Dispose()
    {
        A.Dispose();
        B?.Dispose();
    }
}
