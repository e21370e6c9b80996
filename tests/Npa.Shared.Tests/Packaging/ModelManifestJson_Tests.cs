using System.Text.Json.Nodes;
using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Packaging;

public sealed class ModelManifestJson_Tests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Written_Manifest_Reads_Back_With_Same_Content()
    {
        var original = ManifestSamples.Valid();
        string path = _dir.File("model.json");
        ModelManifestJson.Write(path, original);
        var read = ModelManifestJson.Read(path);

        Assert.Equal(original.ModelId, read.ModelId);
        Assert.Equal(original.CreatedAt, read.CreatedAt);
        Assert.Equal(original.Classes, read.Classes);
        Assert.Equal(original.InputSize, read.InputSize);
        Assert.Equal(original.Preprocessing, read.Preprocessing);
        Assert.Equal(original.Branches, read.Branches);
        Assert.Equal(original.Outputs, read.Outputs);
        Assert.Equal(ExportedWeights.Teacher, read.ExportedWeights);
        Assert.Equal(original.Flagging, read.Flagging);
        Assert.Equal(original.ValidationMetrics.OrderBy(kv => kv.Key), read.ValidationMetrics.OrderBy(kv => kv.Key));
        Assert.Equal(original.Cam!.FeatureOutputs, read.Cam!.FeatureOutputs);
        Assert.Equal(ModelManifestJson.Serialize(original), ModelManifestJson.Serialize(read));
        Assert.Equal(["model.json"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Json_Uses_Snake_Case_And_Wire_Names()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Valid() with
        {
            Preprocessing = PreprocessSpec.DnnResNet18 with { CropSize = 224 },
        }))!;
        Assert.Equal("npa.model/1", (string?)json["schema"]);
        Assert.Equal("teacher", (string?)json["exported_weights"]);
        Assert.Equal(0.8078, (double?)json["validation_metrics"]!["accuracy"]);
        Assert.Equal(64, ((string?)json["onnx_sha256"])!.Length);
        Assert.Equal("bgr", (string?)json["preprocessing"]!["channel_order"]);
        Assert.Equal("raw_mean_subtraction", (string?)json["preprocessing"]!["normalization"]);
        Assert.Equal(103.06f, (float?)json["preprocessing"]!["mean"]!["b"]);
        Assert.Null(json["preprocessing"]!["std"]);
        Assert.Equal(0.25, (double?)json["flagging"]!["low_alpha_threshold"]);
        Assert.Equal("NIPS 4: mild to moderate pain", (string?)json["classes"]![4]!["meaning"]);
    }

    [Fact]
    public void Calibrated_Fp16_Manifest_Round_Trips_With_Its_Wire_Names()
    {
        var original = ManifestSamples.Calibrated();
        string path = _dir.File("model.json");
        ModelManifestJson.Write(path, original);
        var read = ModelManifestJson.Read(path);

        Assert.Equal(1.75, read.Temperature);
        Assert.Equal(original.Calibration, read.Calibration);
        Assert.Equal(WeightStorage.Fp16, read.WeightStorage);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(1.75, (double?)json["temperature"]);
        Assert.Equal("fp16", (string?)json["weight_storage"]);
        Assert.Equal("val", (string?)json["calibration"]!["split"]);
        Assert.Equal(812, (int?)json["calibration"]!["samples"]);
        Assert.Equal(0.081, (double?)json["calibration"]!["ece_before"]);
        Assert.Equal(0.023, (double?)json["calibration"]!["ece_after"]);
        Assert.Equal(15, (int?)json["calibration"]!["ece_bins"]);
    }

    [Fact]
    public void Manifest_Without_Temperature_Calibration_Or_Weight_Storage_Loads_As_Uncalibrated_Fp32()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Calibrated()))!.AsObject();
        json.Remove("temperature");
        json.Remove("calibration");
        json.Remove("weight_storage");
        var read = ModelManifestJson.Deserialize(json.ToJsonString());
        Assert.Equal(1.0, read.Temperature);
        Assert.Null(read.Calibration);
        Assert.Equal(WeightStorage.Fp32, read.WeightStorage);
    }

    [Fact]
    public void Unknown_Weight_Storage_Is_Refused()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Valid()))!.AsObject();
        json["weight_storage"] = "int4";
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Deserialize(json.ToJsonString()));
        Assert.Contains("weight_storage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Required_Field_Is_Named()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Valid()))!.AsObject();
        json.Remove("onnx_sha256");
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Deserialize(json.ToJsonString(), "pkg/model.json"));
        Assert.StartsWith("pkg/model.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("onnx_sha256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Key_Is_Refused()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Valid()))!.AsObject();
        json["modle_id"] = "typo";
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Deserialize(json.ToJsonString()));
        Assert.Contains("modle_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_In_Required_Text_Is_Refused()
    {
        var json = JsonNode.Parse(ModelManifestJson.Serialize(ManifestSamples.Valid()))!.AsObject();
        json["intended_use"] = null;
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Deserialize(json.ToJsonString()));
        Assert.Contains("intended_use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_Schema_In_File_Is_Refused_With_File_Name()
    {
        string path = _dir.File("model.json");
        ModelManifestJson.Write(path, ManifestSamples.Valid());
        File.WriteAllText(path, File.ReadAllText(path).Replace("npa.model/1", "npa.model/9", StringComparison.Ordinal));
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Read(path));
        Assert.Equal($"{path}: schema is 'npa.model/9', expected 'npa.model/1'", ex.Message);
    }

    [Fact]
    public void Malformed_Json_Names_The_Line()
    {
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Deserialize("{\n\"schema\": \"npa.model/1\",\n oops }", "m.json"));
        Assert.StartsWith("m.json (line 3): ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_Manifest_Is_Never_Written()
    {
        string path = _dir.File("model.json");
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Write(path, ManifestSamples.Valid() with { OnnxSha256 = "x" }));
        Assert.Contains("onnx_sha256 'x' is not 64 lowercase hex digits", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Missing_File_Is_Named()
    {
        string path = _dir.File("nope/model.json");
        var ex = Assert.Throws<ModelManifestException>(() => ModelManifestJson.Read(path));
        Assert.Equal($"{path}: manifest file not found", ex.Message);
    }

    [Fact]
    public void Sha256_Of_File_Is_Lowercase_Hex()
    {
        string path = _dir.Write("model.onnx", "abc");
        // FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelPackageFiles.ComputeSha256(path));
    }
}
