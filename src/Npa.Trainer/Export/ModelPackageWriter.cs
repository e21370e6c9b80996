using System.IO.Compression;
using Google.Protobuf;
using Npa.Shared.Packaging;
using Npa.Trainer.Models;

namespace Npa.Trainer.Export;

/// <summary>Writes a model package folder (model.onnx + model.json) and optionally a .zip of it.</summary>
public static class ModelPackageWriter
{
    /// <summary>Exports <paramref name="network"/> (eval mode) into <paramref name="outDir"/>; returns the manifest written.</summary>
    public static ModelManifest Write(SiameseNetwork network, PackageMetadata metadata, string outDir, bool includeFeatures = true, bool zip = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        metadata.Preprocessing.ThrowIfInvalid();
        int size = network.Spec.InputSize;
        if (metadata.Preprocessing.CropSize != size)
            throw new ArgumentException($"preprocessing crop size {metadata.Preprocessing.CropSize} differs from the network's input size {size}", nameof(metadata));
        if (network.Spec.ClassCount != ModelClass.Nips.Count)
            throw new ArgumentException($"the network has {network.Spec.ClassCount} classes; a NIPS package needs {ModelClass.Nips.Count}", nameof(network));

        var result = SiameseExport.Write(network, includeFeatures, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model_id"] = metadata.ModelId,
            ["exported_weights"] = metadata.ExportedWeights == ExportedWeights.Teacher ? "teacher" : "student",
            ["weight_storage"] = metadata.Weights == WeightStorage.Fp16 ? "fp16" : "fp32",
        }, metadata.Weights);
        byte[] onnx = result.Model.ToByteArray();
        var features = result.OutputNames.Where(ModelOutputNames.IsFeatures).ToList();
        var manifest = new ModelManifest
        {
            ModelId = metadata.ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            Classes = ModelClass.Nips,
            InputSize = [3, size, size],
            Preprocessing = metadata.Preprocessing,
            Branches = network.Spec.BranchB is null ? [network.Spec.BranchA] : [network.Spec.BranchA, network.Spec.BranchB],
            Outputs = result.OutputNames,
            ExportedWeights = metadata.ExportedWeights,
            AlphaThreshold = metadata.AlphaThreshold,
            Flagging = metadata.Flagging,
            TrainingConfigHash = metadata.TrainingConfigHash,
            ValidationMetrics = metadata.ValidationMetrics,
            Temperature = metadata.Temperature,
            Fusion = metadata.Fusion,
            Calibration = metadata.Calibration,
            WeightStorage = metadata.Weights,
            OnnxSha256 = ModelPackageFiles.ComputeSha256(onnx),
            Cam = features.Count == 0 ? null : new CamDescription
            {
                Method = "cam",
                FeatureOutputs = features,
                Description = "Class activation map: each branch's last conv maps weighted by its classifier (fc) row for the class; "
                    + $"feature maps {string.Join(" and ", result.FeatureShapes!.Select(s => string.Join('x', s)))}. Equals Grad-CAM up to scale.",
            },
            IntendedUse = metadata.IntendedUse,
            TrainingRun = metadata.TrainingRun,
        };
        manifest.ThrowIfInvalid();

        string dir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(dir);
        WriteAtomically(Path.Combine(dir, ModelPackageFiles.Onnx), onnx);
        ModelManifestJson.Write(Path.Combine(dir, ModelPackageFiles.Manifest), manifest);
        if (zip) Zip(dir);
        return manifest;
    }

    /// <summary>Writes DIR.zip beside the folder, holding its files at the zip's root.</summary>
    public static string Zip(string dir)
    {
        string full = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
        string target = full + ".zip", temp = target + ".tmp";
        File.Delete(temp);
        ZipFile.CreateFromDirectory(full, temp, CompressionLevel.Optimal, includeBaseDirectory: false);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
