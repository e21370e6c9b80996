namespace Npa.Trainer.Models;

/// <summary>Everything needed to build a <see cref="SiameseNetwork"/> again (e.g. for EMA teachers): branches, classes, dropout, input size.</summary>
/// <param name="BranchA">Registered backbone name of branch A.</param>
/// <param name="BranchB">Registered backbone name of branch B, or null for single-branch mode.</param>
/// <param name="ClassCount">Classes C (NIPS 0–7: 8).</param>
/// <param name="Dropout">Dropout before the classifier (paper: 0.1).</param>
/// <param name="InputSize">Square input side in pixels the network is trained at.</param>
public sealed record NetworkSpec(string BranchA, string? BranchB, int ClassCount = 8, double Dropout = 0.1, int InputSize = 224)
{
    /// <summary>The paper's heterogeneous pair: ResNet-50 and EfficientNet-V2-S.</summary>
    public static NetworkSpec Paper { get; } = new("resnet50", "efficientnet_v2_s");

    /// <summary>True when the network has only branch A.</summary>
    public bool IsSingleBranch => BranchB is null;

    /// <summary>Throws with a readable message when a field is out of range or a backbone is unknown.</summary>
    public void Validate()
    {
        BackboneRegistry.EnsureKnown(BranchA);
        if (BranchB is not null) BackboneRegistry.EnsureKnown(BranchB);
        if (ClassCount < 2)
            throw new ArgumentException($"ClassCount must be at least 2 (got {ClassCount}).", nameof(ClassCount));
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
            throw new ArgumentException($"Dropout must be in [0, 1) (got {Dropout}).", nameof(Dropout));
        if (InputSize is < 32 or > 1024)
            throw new ArgumentException($"InputSize must be between 32 and 1024 pixels (got {InputSize}).", nameof(InputSize));
    }
}
