using Npa.Trainer.Models;

namespace Npa.Trainer.Export.Bench;

/// <summary>A model to time: its architecture, and optionally the package ONNX to run instead of a fresh export.</summary>
/// <param name="Label">Name in the table.</param>
/// <param name="Spec">Architecture (random weights are used for TorchSharp, and for ONNX when <paramref name="OnnxPath"/> is null).</param>
/// <param name="OnnxPath">A package's model.onnx (the demo), or null.</param>
public sealed record BenchModel(string Label, NetworkSpec Spec, string? OnnxPath = null)
{
    /// <summary>The paper's pair: resnet50 + efficientnet_v2_s at 224 px.</summary>
    public static BenchModel Paper => new("paper", NetworkSpec.Paper);

    /// <summary>configs/train/cpu-small.json's pair: resnet18 + efficientnet_v2_t at 64 px.</summary>
    public static BenchModel CpuSmall => new("cpu-small", new NetworkSpec("resnet18", "efficientnet_v2_t", InputSize: 64));
}
