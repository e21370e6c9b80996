using System.Text.Json;
using System.Text.Json.Nodes;
using Npa.Shared.Packaging;

namespace Npa.Trainer.Tests.Export;

/// <summary>Keeps the Monitor's committed inference fixture true to the writer and to TorchSharp. NPA_UPDATE_FIXTURES=1 rewrites it.</summary>
public sealed class MonitorFixture_Tests
{
    [Fact]
    public void Committed_Monitor_Fixture_Is_What_The_Writer_And_TorchSharp_Give_Now()
    {
        var branches = MonitorFixture.Branches();
        byte[] onnx = MonitorFixture.Onnx(branches);
        var expected = MonitorFixture.Expected(branches);
        string dir = MonitorFixture.Folder;
        if (Environment.GetEnvironmentVariable("NPA_UPDATE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, ModelPackageFiles.Onnx), onnx);
            var outputs = new[] { "probs", "logits_a", "logits_b", "alpha_a", "alpha_b", "features_a", "features_b" };
            ModelManifestJson.Write(Path.Combine(dir, ModelPackageFiles.Manifest), MonitorFixture.Manifest(onnx, outputs));
            File.WriteAllText(Path.Combine(dir, "expected.json"), expected.ToJsonString(MonitorFixture.Indented) + "\n");
        }
        var manifest = ModelManifestJson.Read(Path.Combine(dir, ModelPackageFiles.Manifest));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(onnx)), manifest.OnnxSha256);
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!;
        var fresh = JsonNode.Parse(expected.ToJsonString())!;
        var a = committed["samples"]!.AsArray();
        var b = fresh["samples"]!.AsArray();
        Assert.Equal(a.Count, b.Count);
        for (int s = 0; s < a.Count; s++)
        {
            Assert.Equal(b[s]!["class"]!.GetValue<int>(), a[s]!["class"]!.GetValue<int>());
            foreach (string key in new[] { "probs", "probs_a", "probs_b", "gradcam_a", "gradcam_b" })
            {
                var x = a[s]![key]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
                var y = b[s]![key]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
                Assert.True(ParityHarness.MaxAbsDiff(x, y) < 1e-5, $"sample {s} {key} drifted from the committed fixture; rerun with NPA_UPDATE_FIXTURES=1");
            }
        }
    }
}
