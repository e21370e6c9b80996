namespace Npa.Trainer.Calibration;

/// <summary>One branch's raw outputs on a set of samples: logits [N][C] and uncertainty weights α [N].</summary>
/// <param name="Logits">Per sample, the classifier's logits.</param>
/// <param name="Alpha">Per sample, α = sigmoid(alpha head).</param>
public sealed record BranchLogits(IReadOnlyList<float[]> Logits, IReadOnlyList<float> Alpha)
{
    /// <summary>Throws unless there is one α per logit row.</summary>
    public void ThrowIfInconsistent()
    {
        ArgumentNullException.ThrowIfNull(Logits);
        ArgumentNullException.ThrowIfNull(Alpha);
        if (Logits.Count != Alpha.Count) throw new ArgumentException($"{Logits.Count} logit rows but {Alpha.Count} α values");
    }
}
