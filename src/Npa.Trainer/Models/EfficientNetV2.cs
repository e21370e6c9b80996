using Npa.Trainer.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>EfficientNet-V2 trunk exactly as torchvision builds it ("features" only: stem, Fused-MBConv/MBConv stages, 1×1 head conv).</summary>
public sealed class EfficientNetV2 : Backbone
{
#pragma warning disable IDE1006 // Field name is the state_dict prefix (torchvision's).
    private readonly Sequential features;
#pragma warning restore IDE1006

    /// <summary>Builds the trunk from <paramref name="config"/>, initialised as torchvision does.</summary>
    public EfficientNetV2(EfficientNetV2Config config) : base((config ?? throw new ArgumentNullException(nameof(config))).Name)
    {
        Config = config;
        var layers = new List<Module<Tensor, Tensor>>
        {
            ConvNormActivation.Create(3, config.Stages[0].InputChannels, 3, stride: 2),
        };
        var totalBlocks = config.Stages.Sum(s => s.NumLayers);
        var blockId = 0;
        foreach (var stage in config.Stages)
        {
            var blocks = new List<Module<Tensor, Tensor>>();
            for (var i = 0; i < stage.NumLayers; i++)
            {
                // Only the first block of a stage changes width and stride; depth-linear drop rate as in torchvision.
                var inputChannels = i == 0 ? stage.InputChannels : stage.OutChannels;
                var stride = i == 0 ? stage.Stride : 1;
                var sdProb = config.StochasticDepthProb * blockId / totalBlocks;
                blocks.Add(stage.Fused
                    ? new FusedMBConv(stage, inputChannels, stride, sdProb)
                    : new MBConv(stage, inputChannels, stride, sdProb));
                blockId++;
            }

            layers.Add(Sequential(blocks));
        }

        layers.Add(ConvNormActivation.Create(config.Stages[^1].OutChannels, config.LastChannels, 1));
        features = Sequential(layers);
        FeatureCount = config.LastChannels;
        RegisterComponents();
        InitialiseAsTorchvision();
    }

    /// <summary>The configuration this trunk was built from.</summary>
    public EfficientNetV2Config Config { get; }

    /// <inheritdoc/>
    public override int FeatureCount { get; }

    /// <summary>The torchvision "features" Sequential, for wrappers that add torchvision's own classifier.</summary>
    internal Sequential Features => features;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => ScalarFreeForward.Run(features, input);

    private void InitialiseAsTorchvision()
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case TorchSharp.Modules.Conv2d conv:
                    init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut);
                    if (conv.bias is not null) init.zeros_(conv.bias);
                    break;
                case TorchSharp.Modules.BatchNorm2d bn:
                    if (bn.weight is not null) init.ones_(bn.weight);
                    if (bn.bias is not null) init.zeros_(bn.bias);
                    break;
            }
        }
    }
}
