using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

/// <summary>torchvision-style squeeze-excitation (same child names), to exercise the SE emitter.</summary>
internal sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Conv2d fc1;
    private readonly Conv2d fc2;
    private readonly SiLU activation;
    private readonly Sigmoid scale_activation;

    public SqueezeExcitation(long channels, long squeezed) : base(nameof(SqueezeExcitation))
    {
        avgpool = nn.AdaptiveAvgPool2d(1);
        fc1 = nn.Conv2d(channels, squeezed, 1);
        fc2 = nn.Conv2d(squeezed, channels, 1);
        activation = nn.SiLU();
        scale_activation = nn.Sigmoid();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var scale = scale_activation.call(fc2.call(activation.call(fc1.call(avgpool.call(input)))));
        return (input * scale).MoveToOuterDisposeScope();
    }
}

/// <summary>Small networks built from the supported layer set, with non-trivial BatchNorm statistics.</summary>
internal static class TinyNets
{
    /// <summary>Conv-BN-SiLU, SE, Conv-BN-ReLU, MaxPool, Dropout, a lone BatchNorm: about 0.3 MMAC at 32 px.</summary>
    public static nn.Module<Tensor, Tensor> SeNet(long width = 16, bool finalSigmoid = true) => Randomize(nn.Sequential(new (string, nn.Module<Tensor, Tensor>)[]
    {
        ("conv0", nn.Conv2d(3, width, 3, stride: 2, padding: 1, bias: false)),
        ("bn0", nn.BatchNorm2d(width)),
        ("act0", nn.SiLU()),
        ("se", new SqueezeExcitation(width, 4)),
        ("conv1", nn.Conv2d(width, width * 2, 3, padding: 1)),
        ("bn1", nn.BatchNorm2d(width * 2)),
        ("relu1", nn.ReLU()),
        ("pool", nn.MaxPool2d(3, stride: 2, padding: 1)),
        ("drop", nn.Dropout2d(0.2)),
        ("conv2", nn.Conv2d(width * 2, width * 2, 1, bias: false)),
        ("bn2", nn.BatchNorm2d(width * 2)),
        ("sig", finalSigmoid ? nn.Sigmoid() : nn.ReLU()),
    }));

    /// <summary>TorchVision's resnet18 without its pool and classifier, so it ends in feature maps.</summary>
    public static nn.Module<Tensor, Tensor> ResNet18Trunk() => Trunk(torchvision.models.resnet18());

    public static nn.Module<Tensor, Tensor> ResNet50Trunk() => Trunk(torchvision.models.resnet50());

    private static nn.Module<Tensor, Tensor> Trunk(nn.Module<Tensor, Tensor> resnet) => Randomize(nn.Sequential(resnet.named_children()
        .Where(c => c.name is not ("avgpool" or "flatten" or "fc"))
        .Select(c => (c.name, (nn.Module<Tensor, Tensor>)c.module)).ToArray()));

    /// <summary>
    /// Sets every BatchNorm's running statistics to those of one training-mode pass of <paramref name="forward"/>, as a
    /// trained network has them: activations stay at a realistic scale through deep trunks (random statistics blow them
    /// up through resnet50), while mean and variance are still far from the 0/1 defaults, so folding is really tested.
    /// </summary>
    public static T Calibrate<T>(T module, Action<T> forward) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(forward);
        var norms = module.modules().OfType<BatchNorm2d>().ToList();
        foreach (var bn in norms) bn.momentum = 1.0;
        module.train();
        using (no_grad()) forward(module);
        foreach (var bn in norms) bn.momentum = 0.1;
        module.eval();
        return module;
    }

    /// <summary>Gives every BatchNorm random running statistics and affine values so folding is really tested.</summary>
    public static T Randomize<T>(T module) where T : nn.Module
    {
        using var noGrad = no_grad();
        foreach (var (_, m) in module.named_modules())
        {
            if (m is not BatchNorm2d bn) continue;
            bn.running_mean!.copy_(randn(bn.num_features) * 0.2);
            bn.running_var!.copy_(rand(bn.num_features) + 0.5);
            bn.weight!.copy_(rand(bn.num_features) + 0.5);
            bn.bias!.copy_(randn(bn.num_features) * 0.1);
        }
        module.eval();
        return module;
    }
}
