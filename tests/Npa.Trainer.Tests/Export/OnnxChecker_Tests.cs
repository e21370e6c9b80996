using Google.Protobuf;
using Npa.Trainer.Export;
using Onnx;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

public sealed class OnnxChecker_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-onnx-check-").FullName;

    [Fact]
    public void Exported_ResNet18_And_SE_Pair_Passes_Onnx_Checker()
    {
        manual_seed(5);
        var branches = new[]
        {
            TestBranch.Create("branch_a", TinyNets.ResNet18Trunk(), 512).ForWriter,
            TestBranch.Create("branch_b", TinyNets.SeNet(16), 32).ForWriter,
        };
        string path = Write(SiameseOnnxWriter.Write(branches, new OnnxExportOptions(64, 64)).Model);
        var (exit, text) = OnnxChecker.Check(path);
        output.WriteLine(text);
        Assert.True(exit == 0, $"onnx.checker rejected the exported model: {text}");
        Assert.Contains("OK (onnx", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Using_An_Undefined_Value_Fails_Onnx_Checker()
    {
        var model = SiameseOnnxWriter.Write([TestBranch.Create("branch_a", TinyNets.SeNet(4), 8).ForWriter], new OnnxExportOptions(32, 32)).Model;
        model.Graph.Node[0].Input[0] = "does_not_exist";
        var (exit, text) = OnnxChecker.Check(Write(model));
        Assert.Equal(1, exit);
        Assert.Contains("INVALID", text, StringComparison.Ordinal);
    }

    private string Write(ModelProto model)
    {
        string path = Path.Combine(dir, $"m{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
