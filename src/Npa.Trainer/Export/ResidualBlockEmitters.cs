using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>Blocks whose forward is code rather than a sequence: torchvision's residual blocks and squeeze-excitation.</summary>
internal static class ResidualBlockEmitters
{
    /// <summary>relu(bn2(conv2(relu(bn1(conv1 x)))) + shortcut(x)).</summary>
    public static OnnxValue BasicBlock(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x)
    {
        var y = w.EmitConvBn(block, path, "conv1", "bn1", x);
        y = w.Unary("Relu", ModuleGraphWriter.Join(path, "relu1"), y);
        y = w.EmitConvBn(block, path, "conv2", "bn2", y);
        return AddShortcutRelu(w, block, path, x, y);
    }

    /// <summary>The 1x1 → 3x3 → 1x1 bottleneck of resnet50 and up.</summary>
    public static OnnxValue Bottleneck(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x)
    {
        var y = w.EmitConvBn(block, path, "conv1", "bn1", x);
        y = w.Unary("Relu", ModuleGraphWriter.Join(path, "relu1"), y);
        y = w.EmitConvBn(block, path, "conv2", "bn2", y);
        y = w.Unary("Relu", ModuleGraphWriter.Join(path, "relu2"), y);
        y = w.EmitConvBn(block, path, "conv3", "bn3", y);
        return AddShortcutRelu(w, block, path, x, y);
    }

    private static OnnxValue AddShortcutRelu(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x, OnnxValue y)
    {
        var downsample = ModuleGraphWriter.TryChild(block, "downsample");
        var shortcut = downsample is null ? x : w.Emit(downsample, ModuleGraphWriter.Join(path, "downsample"), x);
        RequireSameShape(path, shortcut, y);
        string stem = ModuleGraphWriter.Stem(path);
        string sum = w.Builder.AddNode("Add", stem + "_add", [y.Name, shortcut.Name]);
        return y with { Name = w.Builder.AddNode("Relu", stem + "_out", [sum]) };
    }

    /// <summary>
    /// torchvision's SqueezeExcitation: x · scale_activation(fc2(activation(fc1(avgpool x)))). Blocks that keep only
    /// fc1/fc2 as modules (the pooling and activations as functions) get EfficientNet's: average pool, SiLU, sigmoid.
    /// </summary>
    public static OnnxValue SqueezeExcitation(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x)
    {
        string stem = ModuleGraphWriter.Stem(path);
        OnnxValue Step(OnnxValue v, string name, Func<OnnxValue, OnnxValue> fallback)
        {
            var child = ModuleGraphWriter.TryChild(block, name);
            return child is null ? fallback(v) : w.Emit(child, ModuleGraphWriter.Join(path, name), v);
        }
        var s = Step(x, "avgpool", v => new OnnxValue(w.Builder.AddNode("GlobalAveragePool", stem + "_pool", [v.Name]), [v.Channels, 1, 1]));
        s = w.Emit(ModuleGraphWriter.Child(block, "fc1", path), ModuleGraphWriter.Join(path, "fc1"), s);
        s = Step(s, "activation", v => LayerEmitters.Silu(w.Builder, ModuleGraphWriter.Join(path, "activation"), v));
        s = w.Emit(ModuleGraphWriter.Child(block, "fc2", path), ModuleGraphWriter.Join(path, "fc2"), s);
        s = Step(s, "scale_activation", v => w.Unary("Sigmoid", ModuleGraphWriter.Join(path, "scale_activation"), v));
        if (s.Channels != x.Channels) throw new UnsupportedModuleException($"{path}: squeeze-excitation scale {s.Describe()} does not match its input {x.Describe()}");
        return x with { Name = w.Builder.AddNode("Mul", ModuleGraphWriter.Stem(path), [x.Name, s.Name]) };
    }

    /// <summary>
    /// torchvision's MBConv and FusedMBConv: "block", plus the input when the block keeps stride 1 and width
    /// (torchvision's use_res_connect rule); stochastic depth is the identity in eval mode.
    /// </summary>
    public static OnnxValue MobileInvertedBlock(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x)
    {
        var inner = ModuleGraphWriter.Child(block, "block", path);
        var y = w.Emit(inner, ModuleGraphWriter.Join(path, "block"), x);
        bool strideOne = inner.modules().OfType<TorchSharp.Modules.Conv2d>().All(c => c.stride.All(s => s == 1));
        if (!strideOne || y.Channels != x.Channels) return y;
        RequireSameShape(path, x, y);
        return y with { Name = w.Builder.AddNode("Add", ModuleGraphWriter.Stem(path) + "_add", [y.Name, x.Name]) };
    }

    public static void RequireSameShape(string path, OnnxValue a, OnnxValue b)
    {
        if (!a.Shape.SequenceEqual(b.Shape))
            throw new UnsupportedModuleException($"{path}: residual shapes differ, {a.Describe()} vs {b.Describe()}");
    }
}
