using Npa.Shared.Packaging;

namespace Npa.Trainer.Export;

/// <summary>What the ONNX writer needs besides the modules.</summary>
/// <param name="Height">Input height in pixels (fixed in the graph; only the batch is dynamic).</param>
/// <param name="Width">Input width in pixels.</param>
/// <param name="IncludeFeatures">Also output each branch's last conv maps (features_a/features_b) for CAM.</param>
/// <param name="Weights">How Conv and Gemm weights and biases are stored: FP32 (the default) or FP16 behind a Cast to FP32, half the file.</param>
public sealed record OnnxExportOptions(int Height, int Width, bool IncludeFeatures = true, WeightStorage Weights = WeightStorage.Fp32)
{
    public void Validate()
    {
        if (Height is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Height), Height, "input height must be 16..4096 pixels");
        if (Width is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Width), Width, "input width must be 16..4096 pixels");
        if (!Enum.IsDefined(Weights)) throw new ArgumentOutOfRangeException(nameof(Weights), Weights, "weights must be fp32 or fp16");
    }
}
