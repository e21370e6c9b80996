using System.Text.Json.Nodes;
using Npa.Monitor.Tests.Inference;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Tests.Models.Promotion;

/// <summary>A temp folder with the monitor's watched package (<c>models/demo</c>) and copies of the tiny fixture renamed per test.</summary>
internal sealed class PromotionFolder : IDisposable
{
    public PromotionFolder()
    {
        Root = Directory.CreateTempSubdirectory("npa-promote-").FullName;
        ModelPath = Path.Combine(Root, "models", "demo");
    }

    public string Root { get; }

    public string ModelPath { get; }

    /// <summary>The fixture's onnx sha256 (every copy shares the graph; the manifest id tells them apart).</summary>
    public static string Sha256 => ModelPackageFiles.ComputeSha256(Path.Combine(FixturePackage.Folder, ModelPackageFiles.Onnx));

    /// <summary>The id the monitor serves a copy named <paramref name="modelId"/> under.</summary>
    public static string ServedId(string modelId) => $"{modelId}@{Sha256[..8]}";

    /// <summary>A copy of the fixture at <paramref name="path"/> whose manifest says <paramref name="modelId"/>.</summary>
    public static string Package(string path, string modelId)
    {
        FixturePackage.CopyTo(path);
        string manifest = Path.Combine(path, ModelPackageFiles.Manifest);
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["model_id"] = modelId;
        File.WriteAllText(manifest, json.ToJsonString());
        return path;
    }

    /// <summary>A candidate package outside the model folder.</summary>
    public string Candidate(string modelId) => Package(Path.Combine(Root, "candidates", modelId), modelId);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
