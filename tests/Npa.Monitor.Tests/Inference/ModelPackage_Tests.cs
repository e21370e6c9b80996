using System.IO.Compression;
using System.Security.Cryptography;
using Npa.Monitor.Inference;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Tests.Inference;

public sealed class ModelPackage_Tests : IDisposable
{
    private static readonly InferenceEngineOptions Cpu = new() { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 };
    private readonly string root = Directory.CreateTempSubdirectory("npa-package-").FullName;

    [Fact]
    public void Zip_Of_The_Package_Loads_And_Scores_Like_The_Folder()
    {
        string zip = Path.Combine(root, "pkg.zip");
        ZipFile.CreateFromDirectory(FixturePackage.CopyTo(Path.Combine(root, "pkg")), zip);
        using var fromZip = new InferenceEngine(zip, Cpu, new ListLogger<InferenceEngine>());
        using var fromFolder = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        Assert.Equal(fromFolder.ModelId, fromZip.ModelId);
        Assert.Equal(fromFolder.Run(FixturePackage.Inputs(2), 2)[1].Fused, fromZip.Run(FixturePackage.Inputs(2), 2)[1].Fused);
    }

    [Fact]
    public void Missing_Path_Is_Refused()
    {
        var ex = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(Path.Combine(root, "nope")));
        Assert.EndsWith("nope: no such folder or .zip file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.json")]
    [InlineData("model.onnx")]
    public void Missing_File_Is_Refused_By_Name(string file)
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        File.Delete(Path.Combine(dir, file));
        var ex = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(dir));
        Assert.EndsWith($"refused: {file} is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_Onnx_Fails_The_Hash_Check()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        string onnx = Path.Combine(dir, "model.onnx");
        byte[] bytes = File.ReadAllBytes(onnx);
        bytes[^10] ^= 0x5A;
        File.WriteAllBytes(onnx, bytes);
        var ex = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(dir));
        Assert.Contains("model.onnx has sha256", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(file changed or corrupt)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_Onnx_With_Matching_Hash_Is_Refused_By_The_Runtime()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        byte[] garbage = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))];
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), garbage);
        EditManifest(dir, m => m with { OnnxSha256 = Convert.ToHexStringLower(SHA256.HashData(garbage)) });
        var ex = Assert.Throws<ModelPackageException>(() => new InferenceEngine(dir, Cpu, new ListLogger<InferenceEngine>()));
        Assert.Contains("refused: ONNX Runtime cannot load model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_Manifest_Is_Refused_With_The_Field()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        string path = Path.Combine(dir, "model.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"alpha_threshold\": 0.25", "\"alpha_threshold\": 1.5", StringComparison.Ordinal));
        var ex = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(dir));
        Assert.Contains("alpha_threshold 1.5 must lie in [0, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_Input_Size_Other_Than_The_Graph_Is_Refused()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        EditManifest(dir, m => m with { InputSize = [3, 64, 64], Preprocessing = m.Preprocessing with { CropSize = 64, ResizeShorterSide = 72 } });
        var ex = Assert.Throws<ModelPackageException>(() => new InferenceEngine(dir, Cpu, new ListLogger<InferenceEngine>()));
        Assert.Contains("graph and manifest disagree: 'input' has shape [N,3,32,32], expected [N,3,64,64]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Output_Missing_From_Manifest_Is_Refused()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        EditManifest(dir, m => m with { Outputs = [.. m.Outputs.Where(o => o != "features_b")], Cam = m.Cam! with { FeatureOutputs = ["features_a"] } });
        var ex = Assert.Throws<ModelPackageException>(() => new InferenceEngine(dir, Cpu, new ListLogger<InferenceEngine>()));
        Assert.Contains("the graph has output 'features_b', which the manifest does not list", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_Branch_Manifest_For_A_Two_Branch_Graph_Is_Refused()
    {
        string dir = FixturePackage.CopyTo(Path.Combine(root, "pkg"));
        EditManifest(dir, m => m with
        {
            Branches = ["tiny_se_8"],
            Outputs = ["probs", "logits_a", "alpha_a", "features_a"],
            Cam = m.Cam! with { FeatureOutputs = ["features_a"] },
        });
        var ex = Assert.Throws<ModelPackageException>(() => new InferenceEngine(dir, Cpu, new ListLogger<InferenceEngine>()));
        Assert.Contains("the graph has output 'logits_b', which the manifest does not list", ex.Message, StringComparison.Ordinal);
    }

    private static void EditManifest(string dir, Func<ModelManifest, ModelManifest> edit)
    {
        string path = Path.Combine(dir, "model.json");
        ModelManifestJson.Write(path, edit(ModelManifestJson.Read(path)));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
