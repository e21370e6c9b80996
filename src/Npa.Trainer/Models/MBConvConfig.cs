namespace Npa.Trainer.Models;

/// <summary>One EfficientNet-V2 stage as torchvision writes it: block kind, expansion, kernel, stride, channels and depth.</summary>
public sealed record MBConvConfig(bool Fused, double ExpandRatio, int Kernel, int Stride, int InputChannels, int OutChannels, int NumLayers)
{
    /// <summary>torchvision's _make_divisible: round to a multiple of 8, never more than 10 % below.</summary>
    public static int MakeDivisible(double value, int divisor = 8)
    {
        var rounded = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * value) rounded += divisor;
        return rounded;
    }

    /// <summary>Channels after the expansion conv, as torchvision computes them.</summary>
    public int ExpandedChannels(int inputChannels) => MakeDivisible(inputChannels * ExpandRatio);
}
