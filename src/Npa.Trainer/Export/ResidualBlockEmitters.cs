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

    /// <summary>torchvision's SqueezeExcitation: x · scale_activation(fc2(activation(fc1(avgpool x)))).</summary>
    public static OnnxValue SqueezeExcitation(ModuleGraphWriter w, nn.Module block, string path, OnnxValue x)
    {
        var s = x;
        foreach (string name in new[] { "avgpool", "fc1", "activation", "fc2", "scale_activation" })
            s = w.Emit(ModuleGraphWriter.Child(block, name, path), ModuleGraphWriter.Join(path, name), s);
        if (s.Channels != x.Channels) throw new UnsupportedModuleException($"{path}: squeeze-excitation scale {s.Describe()} does not match its input {x.Describe()}");
        return x with { Name = w.Builder.AddNode("Mul", ModuleGraphWriter.Stem(path), [x.Name, s.Name]) };
    }

    public static void RequireSameShape(string path, OnnxValue a, OnnxValue b)
    {
        if (!a.Shape.SequenceEqual(b.Shape))
            throw new UnsupportedModuleException($"{path}: residual shapes differ, {a.Describe()} vs {b.Describe()}");
    }
}
