using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Pretrained;

public sealed class PretrainedWeights_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("npa-pretrained-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("weights.safetensors")]
    [InlineData("weights.pt")]
    public void Torchvision_Format_File_Loads_Into_A_Fresh_Backbone(string fileName)
    {
        var path = Path.Combine(_dir, fileName);
        using var source = BackboneRegistry.Create("efficientnet_v2_t");
        using var head = randn(1000, 640);
        // A torchvision checkpoint carries its classifier; loading a backbone skips it.
        StateDictFile.Write(path, [.. TorchStateDictOrder.Entries(source), ("classifier.1.weight", head)]);

        using var target = BackboneRegistry.Create("efficientnet_v2_t");
        var result = PretrainedWeights.LoadInto(target, path);

        Assert.Equal(220, result.LoadedCount);
        Assert.Equal(["classifier.1.weight"], result.IgnoredHeadKeys);
        Assert.Equal("efficientnet_v2_t", result.Backbone);
        var expected = source.state_dict();
        foreach (var (key, value) in target.state_dict())
            Assert.True(value.equal(expected[key]).all().item<bool>(), $"{key} differs after loading");
    }

    [Fact]
    public void Per_Branch_Files_Load_Into_The_Siamese_Network()
    {
        var pathA = Path.Combine(_dir, "a.safetensors");
        var pathB = Path.Combine(_dir, "b.pt");
        using (var a = BackboneRegistry.Create("resnet18")) StateDictFile.Write(pathA, TorchStateDictOrder.Entries(a));
        using (var b = BackboneRegistry.Create("efficientnet_v2_t")) StateDictFile.Write(pathB, TorchStateDictOrder.Entries(b));
        using var net = new SiameseNetwork(new NetworkSpec("resnet18", "efficientnet_v2_t", InputSize: 64));

        var results = PretrainedWeights.LoadBranches(net, pathA, pathB);

        Assert.Equal([120, 220], results.Select(r => r.LoadedCount));
        using var fileA = StateDictFile.Read(pathA)["layer4.1.conv2.weight"];
        Assert.True(net.BranchA.Backbone.state_dict()["layer4.1.conv2.weight"].equal(fileA).all().item<bool>());
    }

    [Fact]
    public void Missing_File_Gives_A_Clear_Error()
    {
        using var backbone = BackboneRegistry.Create("efficientnet_v2_t");
        var path = Path.Combine(_dir, "absent.pt");
        var error = Assert.Throws<FileNotFoundException>(() => PretrainedWeights.LoadInto(backbone, path));
        Assert.Equal($"Weights file '{path}' does not exist.", error.Message);
    }

    [Fact]
    public void Unsupported_Extension_Gives_A_Clear_Error()
    {
        var path = Path.Combine(_dir, "weights.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);
        var error = Assert.Throws<ArgumentException>(() => StateDictFile.Read(path));
        Assert.Contains("has extension '.onnx'; supported: .pt, .pth, .bin, .safetensors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_File_Gives_A_Clear_Error()
    {
        var path = Path.Combine(_dir, "weights.pt");
        File.WriteAllText(path, "not a pickle");
        var error = Assert.Throws<InvalidDataException>(() => StateDictFile.Read(path));
        Assert.Contains($"'{path}' could not be read as a PyTorch pickle state_dict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_Shape_Names_The_Key_And_Both_Shapes()
    {
        using var source = BackboneRegistry.Create("efficientnet_v2_t");
        var entries = TorchStateDictOrder.Entries(source).ToDictionary(e => e.Key, e => e.Value);
        using var wrong = zeros(8, 3, 3, 3);
        entries["features.0.0.weight"] = wrong;
        using var target = BackboneRegistry.Create("efficientnet_v2_t");

        var error = Assert.Throws<InvalidDataException>(() => PretrainedWeights.LoadInto(target, entries, "test.pt"));
        Assert.Contains("Weights 'test.pt' do not fit backbone 'efficientnet_v2_t'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'features.0.0.weight' is [8,3,3,3] in the file but [16,3,3,3] in the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_Architecture_Names_Missing_And_Unexpected_Keys()
    {
        using var source = BackboneRegistry.Create("resnet18");
        using var target = BackboneRegistry.Create("resnet18_mlnet");
        var entries = TorchStateDictOrder.Entries(source).ToDictionary(e => e.Key, e => e.Value);

        var error = Assert.Throws<InvalidDataException>(() => PretrainedWeights.LoadInto(target, entries, "resnet18.pt"));
        Assert.Contains("it lacks 12 key(s) the backbone needs ('layer4.2.conv1.weight'", error.Message, StringComparison.Ordinal);

        using var effnet = BackboneRegistry.Create("efficientnet_v2_t");
        var error2 = Assert.Throws<InvalidDataException>(() => PretrainedWeights.LoadInto(effnet, entries, "resnet18.pt"));
        Assert.Contains("it holds 120 key(s) the backbone does not have ('conv1.weight'", error2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_B_Weights_For_A_Single_Branch_Network_Are_Refused()
    {
        using var net = new SiameseNetwork(new NetworkSpec("efficientnet_v2_t", null, InputSize: 64));
        var error = Assert.Throws<ArgumentException>(() => PretrainedWeights.LoadBranches(net, null, "b.pt"));
        Assert.Contains("the network runs a single branch (efficientnet_v2_t)", error.Message, StringComparison.Ordinal);
    }
}
