namespace Npa.Trainer.Export;

/// <summary>What the ONNX writer needs besides the modules.</summary>
/// <param name="Height">Input height in pixels (fixed in the graph; only the batch is dynamic).</param>
/// <param name="Width">Input width in pixels.</param>
/// <param name="IncludeFeatures">Also output each branch's last conv maps (features_a/features_b) for CAM.</param>
public sealed record OnnxExportOptions(int Height, int Width, bool IncludeFeatures = true)
{
    public void Validate()
    {
        if (Height is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Height), Height, "input height must be 16..4096 pixels");
        if (Width is < 16 or > 4096) throw new ArgumentOutOfRangeException(nameof(Width), Width, "input width must be 16..4096 pixels");
    }
}
