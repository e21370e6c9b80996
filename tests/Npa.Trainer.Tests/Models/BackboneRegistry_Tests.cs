using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

public class BackboneRegistry_Tests
{
    // The torchvision classifier keys are the only ones a backbone leaves out.
    private static bool IsHead(string key) => key.StartsWith("fc.", StringComparison.Ordinal) || key.StartsWith("classifier.", StringComparison.Ordinal);

    public static TheoryData<string, int, int> Backbones => new()
    {
        { "resnet18", 120, 512 },
        { "resnet34", 216, 512 },
        { "resnet50", 318, 2048 },
        { "resnet18_mlnet", 132, 512 },
        { "efficientnet_v2_s", 780, 1280 },
        { "efficientnet_v2_t", 220, 640 },
    };

    [Theory]
    [MemberData(nameof(Backbones))]
    public void Every_Backbone_Has_Torchvision_Keys_And_Shapes_In_Order(string name, int keyCount, int features)
    {
        using var backbone = BackboneRegistry.Create(name);
        var expected = TorchvisionReference.Keys(name).Where(k => !IsHead(k.Key)).ToList();
        var stateDict = backbone.state_dict();
        var ordered = TorchStateDictOrder.Entries(backbone);

        Assert.Equal(keyCount, stateDict.Count);
        Assert.Equal(expected.Select(k => k.Key), ordered.Select(k => k.Key));
        Assert.Equal(expected.Select(k => TorchvisionReference.Format(k.Shape)), ordered.Select(k => TorchvisionReference.Format(k.Value.shape)));
        Assert.Equal(expected.Select(k => k.Key).Order(StringComparer.Ordinal), stateDict.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(features, backbone.FeatureCount);
        Assert.Equal(name, backbone.BackboneName);
    }

    [Theory]
    [InlineData("resnet18", 512, 2)]
    [InlineData("resnet18_mlnet", 512, 2)]
    [InlineData("efficientnet_v2_t", 640, 2)]
    public void Forward_Gives_The_Feature_Map_Before_Pooling(string name, int features, int side)
    {
        using var backbone = BackboneRegistry.Create(name);
        backbone.eval();
        using var scope = NewDisposeScope();
        var map = backbone.call(randn(2, 3, 64, 64));
        Assert.Equal(new long[] { 2, features, side, side }, map.shape);
    }

    [Fact]
    public void Unknown_Name_Gives_An_Error_Listing_Known_Names()
    {
        var error = Assert.Throws<ArgumentException>(() => BackboneRegistry.Create("resnet19"));
        Assert.Contains("Unknown backbone 'resnet19'", error.Message, StringComparison.Ordinal);
        foreach (var known in new[] { "resnet18", "resnet34", "resnet50", "resnet18_mlnet", "efficientnet_v2_s", "efficientnet_v2_t" })
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_Lists_Every_Registered_Backbone()
    {
        Assert.Equal(["efficientnet_v2_s", "efficientnet_v2_t", "resnet18", "resnet18_mlnet", "resnet34", "resnet50"], BackboneRegistry.Names);
    }
}
