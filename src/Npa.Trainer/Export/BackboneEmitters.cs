using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>The trunks of Npa.Trainer.Models, whose forward is code over torchvision-named children.</summary>
internal static class BackboneEmitters
{
    /// <summary>ResNetBackbone: conv1 → bn1 → relu → maxpool → layer1..layer4 (no pooling, no fc).</summary>
    public static OnnxValue ResNet(ModuleGraphWriter w, nn.Module trunk, string path, OnnxValue x)
    {
        var y = w.EmitConvBn(trunk, path, "conv1", "bn1", x);
        foreach (string name in new[] { "relu", "maxpool", "layer1", "layer2", "layer3", "layer4" })
            y = w.Emit(ModuleGraphWriter.Child(trunk, name, path), ModuleGraphWriter.Join(path, name), y);
        return y;
    }

    /// <summary>EfficientNetV2: its torchvision "features" Sequential.</summary>
    public static OnnxValue EfficientNet(ModuleGraphWriter w, nn.Module trunk, string path, OnnxValue x) =>
        w.Emit(ModuleGraphWriter.Child(trunk, "features", path), ModuleGraphWriter.Join(path, "features"), x);
}
