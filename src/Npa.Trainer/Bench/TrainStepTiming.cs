namespace Npa.Trainer.Bench;

/// <summary>One preset's training step, timed in TorchSharp and, where available, in PyTorch.</summary>
/// <param name="Preset">The preset's name.</param>
/// <param name="Network">Branches and input size, e.g. <c>resnet18+efficientnet_v2_t @64</c>.</param>
/// <param name="Batch">Images per step.</param>
/// <param name="TorchSharpMsPerStep">Mean wall time of one step in TorchSharp.</param>
/// <param name="PyTorch">The same step in PyTorch, or null when no reference could run.</param>
/// <param name="PyTorchNote">Why the reference is missing, or its torch version.</param>
public sealed record TrainStepTiming(string Preset, string Network, int Batch, double TorchSharpMsPerStep, double? PyTorch, string PyTorchNote)
{
    /// <summary>TorchSharp time over PyTorch time (the target is ≤ 1.15), or null.</summary>
    public double? Ratio => PyTorch is double p && p > 0 ? TorchSharpMsPerStep / p : null;
}
