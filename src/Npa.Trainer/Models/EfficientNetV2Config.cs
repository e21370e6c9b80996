namespace Npa.Trainer.Models;

/// <summary>Stage list and head width of an EfficientNet-V2 trunk; <see cref="S"/> is torchvision's efficientnet_v2_s.</summary>
public sealed record EfficientNetV2Config(string Name, IReadOnlyList<MBConvConfig> Stages, int LastChannels, double StochasticDepthProb)
{
    /// <summary>torchvision 0.14 efficientnet_v2_s: 21,458,488 parameters with the 1000-class classifier.</summary>
    public static EfficientNetV2Config S { get; } = new("efficientnet_v2_s",
    [
        new(Fused: true, 1, 3, 1, 24, 24, 2),
        new(Fused: true, 4, 3, 2, 24, 48, 4),
        new(Fused: true, 4, 3, 2, 48, 64, 4),
        new(Fused: false, 4, 3, 2, 64, 128, 6),
        new(Fused: false, 6, 3, 1, 128, 160, 9),
        new(Fused: false, 6, 3, 2, 160, 256, 15),
    ], 1280, 0.2);

    /// <summary>A CPU-sized variant: the same six stage kinds and strides, narrower and 1–3 blocks deep.</summary>
    public static EfficientNetV2Config T { get; } = new("efficientnet_v2_t",
    [
        new(Fused: true, 1, 3, 1, 16, 16, 1),
        new(Fused: true, 4, 3, 2, 16, 32, 2),
        new(Fused: true, 4, 3, 2, 32, 48, 2),
        new(Fused: false, 4, 3, 2, 48, 96, 2),
        new(Fused: false, 6, 3, 1, 96, 112, 2),
        new(Fused: false, 6, 3, 2, 112, 160, 3),
    ], 640, 0.1);
}
