using System.Collections.Frozen;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Models;

/// <summary>Creates backbones by name: resnet18/34/50, resnet18_mlnet, efficientnet_v2_s, efficientnet_v2_t.</summary>
public static class BackboneRegistry
{
    private static readonly FrozenDictionary<string, Func<Backbone>> Factories = new Dictionary<string, Func<Backbone>>(StringComparer.Ordinal)
    {
        ["resnet18"] = ResNetBackbone.ResNet18,
        ["resnet34"] = ResNetBackbone.ResNet34,
        ["resnet50"] = ResNetBackbone.ResNet50,
        ["resnet18_mlnet"] = ResNetBackbone.ResNet18MlNet,
        ["efficientnet_v2_s"] = () => new EfficientNetV2(EfficientNetV2Config.S),
        ["efficientnet_v2_t"] = () => new EfficientNetV2(EfficientNetV2Config.T),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every registered name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool IsKnown(string? name) => name is not null && Factories.ContainsKey(name);

    /// <summary>Creates a freshly initialised backbone, moved to <paramref name="device"/> when given.</summary>
    /// <exception cref="ArgumentException">The name is not registered; the message lists the known names.</exception>
    public static Backbone Create(string name, Device? device = null)
    {
        EnsureKnown(name);
        var backbone = Factories[name]();
        if (device is not null) backbone.to(device);
        return backbone;
    }

    /// <summary>Throws a clear error when <paramref name="name"/> is not registered.</summary>
    public static void EnsureKnown(string? name)
    {
        if (!IsKnown(name))
            throw new ArgumentException($"Unknown backbone '{name}'. Known backbones: {string.Join(", ", Names)}.", nameof(name));
    }
}
