using static TorchSharp.torch;

namespace Npa.Trainer.Models;

/// <summary>One branch's forward result: logits [N,C], α [N,1] in (0,1), and the last feature map [N,F,h,w] when asked for.</summary>
public sealed record BranchOutput(Tensor Logits, Tensor Alpha, Tensor? Features) : IDisposable
{
    /// <summary>Softmax of the α-scaled logits, the paper's per-branch prediction rule.</summary>
    public Tensor Probabilities()
    {
        using var scaled = Logits * Alpha;
        return scaled.softmax(1);
    }

    /// <summary>Disposes the held tensors; safe to call twice.</summary>
    public void Dispose()
    {
        Logits.Dispose();
        Alpha.Dispose();
        Features?.Dispose();
    }
}
