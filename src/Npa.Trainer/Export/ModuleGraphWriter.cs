using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>
/// Translates an eval-mode TorchSharp module tree into ONNX nodes. Leaf layers are matched by type; blocks whose
/// forward is code (residual blocks, squeeze-excitation) are matched by class name and read through their
/// torchvision-named children, so a new block type needs one entry in <see cref="blockEmitters"/>.
/// </summary>
internal sealed class ModuleGraphWriter
{
    /// <summary>Writes one block; gets the writer, the module, its path and its input, returns its output.</summary>
    public delegate OnnxValue BlockEmitter(ModuleGraphWriter writer, nn.Module module, string path, OnnxValue input);

    private readonly Dictionary<string, BlockEmitter> blockEmitters = new(StringComparer.Ordinal)
    {
        ["BasicBlock"] = ResidualBlockEmitters.BasicBlock,
        ["ResNetBasicBlock"] = ResidualBlockEmitters.BasicBlock,
        ["Bottleneck"] = ResidualBlockEmitters.Bottleneck,
        ["SqueezeExcitation"] = ResidualBlockEmitters.SqueezeExcitation,
        ["MBConv"] = ResidualBlockEmitters.MobileInvertedBlock,
        ["FusedMBConv"] = ResidualBlockEmitters.MobileInvertedBlock,
        ["ResNetBackbone"] = BackboneEmitters.ResNet,
        ["EfficientNetV2"] = BackboneEmitters.EfficientNet,
        // Stochastic depth keeps every residual branch in eval mode.
        ["StochasticDepth"] = static (_, _, _, x) => x,
    };

    public ModuleGraphWriter(OnnxGraphBuilder builder) => Builder = builder;

    public OnnxGraphBuilder Builder { get; }

    /// <summary>Adds or replaces the emitter for a block class name.</summary>
    public void Register(string className, BlockEmitter emitter) => blockEmitters[className] = emitter;

    public OnnxValue Emit(nn.Module module, string path, OnnxValue input)
    {
        ArgumentNullException.ThrowIfNull(module);
        switch (module)
        {
            case Sequential seq: return EmitSequence(seq.named_children().ToList(), path, input);
            case Conv2d conv: return LayerEmitters.Conv(Builder, conv, null, path, input);
            case BatchNorm2d bn: return LayerEmitters.BatchNorm(Builder, bn, path, input);
            case Linear linear: return LayerEmitters.Gemm(Builder, linear, path, input);
            case ReLU: return Unary("Relu", path, input);
            case Sigmoid: return Unary("Sigmoid", path, input);
            case SiLU: return LayerEmitters.Silu(Builder, path, input);
            case MaxPool2d pool: return LayerEmitters.MaxPool(Builder, pool, path, input);
            case AdaptiveAvgPool2d pool: return LayerEmitters.GlobalAveragePool(Builder, pool, path, input);
            case Flatten flatten: return LayerEmitters.Flatten(Builder, flatten, path, input);
            // Dropout is the identity in eval mode, which is the only mode a deployed graph has.
            case Dropout or Dropout2d or Identity: return input;
        }
        if (blockEmitters.TryGetValue(module.GetType().Name, out var emitter)) return emitter(this, module, path, input);
        throw UnsupportedModuleException.For(path, module);
    }

    /// <summary>Runs children in order, folding each BatchNorm2d into the Conv2d right before it.</summary>
    public OnnxValue EmitSequence(IReadOnlyList<(string Name, nn.Module Module)> children, string path, OnnxValue input)
    {
        ArgumentNullException.ThrowIfNull(children);
        var x = input;
        for (int i = 0; i < children.Count; i++)
        {
            var (name, child) = children[i];
            string childPath = Join(path, name);
            if (child is Conv2d conv && i + 1 < children.Count && children[i + 1].Module is BatchNorm2d bn)
            {
                x = LayerEmitters.Conv(Builder, conv, bn, childPath, x);
                i++;
                continue;
            }
            x = Emit(child, childPath, x);
        }
        return x;
    }

    /// <summary>Conv followed by its BatchNorm, taken from two named children of a block.</summary>
    public OnnxValue EmitConvBn(nn.Module block, string path, string convName, string bnName, OnnxValue input)
    {
        var conv = Child(block, convName, path) as Conv2d
            ?? throw UnsupportedModuleException.For(Join(path, convName), Child(block, convName, path), "expected Conv2d");
        var bn = Child(block, bnName, path) as BatchNorm2d
            ?? throw UnsupportedModuleException.For(Join(path, bnName), Child(block, bnName, path), "expected BatchNorm2d");
        return LayerEmitters.Conv(Builder, conv, bn, Join(path, convName), input);
    }

    public OnnxValue Unary(string opType, string path, OnnxValue input) =>
        new(Builder.AddNode(opType, Stem(path), [input.Name]), input.Shape);

    public static nn.Module Child(nn.Module block, string name, string path) =>
        TryChild(block, name) ?? throw new UnsupportedModuleException(
            $"{path}: {block.GetType().Name} has no child '{name}' (children: {string.Join(", ", block.named_children().Select(c => c.name))})");

    public static nn.Module? TryChild(nn.Module block, string name)
    {
        ArgumentNullException.ThrowIfNull(block);
        foreach (var (childName, child) in block.named_children())
            if (childName == name) return child;
        return null;
    }

    public static string Join(string path, string name) => string.IsNullOrEmpty(path) ? name : path + "." + name;

    public static string Stem(string path) => string.IsNullOrEmpty(path) ? "v" : path.Replace('.', '_');
}
