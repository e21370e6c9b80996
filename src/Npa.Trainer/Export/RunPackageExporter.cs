using System.Text.Json;
using Npa.Shared.Packaging;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>Turns a finished training run folder (config.json, outcome.json, best/*.safetensors) into a model package.</summary>
public static class RunPackageExporter
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Exports <paramref name="which"/> ("winner": whichever of student and teacher validated better, or "student"/"teacher")
    /// of <paramref name="runFolder"/> into <paramref name="outDir"/>; <paramref name="modelId"/> defaults to &lt;preset&gt;-&lt;config hash&gt;.
    /// </summary>
    public static ModelManifest Export(string runFolder, string outDir, string which = "winner", string? modelId = null, bool zip = false, bool includeFeatures = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        string run = Path.GetFullPath(runFolder);
        string outcomePath = Path.Combine(run, "outcome.json");
        if (!File.Exists(outcomePath)) throw new FileNotFoundException($"{outcomePath} not found: is {run} a finished training run?", outcomePath);
        var outcome = JsonSerializer.Deserialize<TrainingOutcome>(File.ReadAllText(outcomePath), Json)
            ?? throw new InvalidDataException($"{outcomePath} is empty");
        var config = TrainConfig.Load(Path.Combine(run, "config.json"));
        string network = which switch
        {
            "winner" => outcome.Winner,
            "student" or "teacher" => which,
            _ => throw new ArgumentException($"--which must be winner, student or teacher, got '{which}'", nameof(which)),
        };
        string weights = Path.Combine(run, "best", network + ".safetensors");
        if (!File.Exists(weights)) throw new FileNotFoundException($"{weights} not found (a run without EMA has no teacher)", weights);
        if (outcome.Branches.Count is < 1 or > 2) throw new InvalidDataException($"{outcomePath}: branches must name 1 or 2 backbones");

        var spec = new NetworkSpec(outcome.Branches[0], outcome.Branches.Count > 1 ? outcome.Branches[1] : null,
            outcome.ClassNames.Count, config.Model.Dropout, outcome.InputSize);
        using var net = new SiameseNetwork(spec, CPU);
        net.load_safetensors(weights);
        net.eval();

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["val_accuracy"] = network == "teacher" ? outcome.ValAccuracyTeacher ?? double.NaN : outcome.ValAccuracyStudent,
            ["val_accuracy_student"] = outcome.ValAccuracyStudent,
            ["best_epoch"] = outcome.BestEpoch,
        };
        if (outcome.ValAccuracyTeacher is double teacher) metrics["val_accuracy_teacher"] = teacher;
        if (outcome.TestAccuracy is double test && network == outcome.Winner) metrics["test_accuracy"] = test;
        var metadata = new PackageMetadata(
            modelId ?? $"{config.Name}-{outcome.ConfigHash}",
            config.Data.ToPreprocessSpec(),
            network == "teacher" ? ExportedWeights.Teacher : ExportedWeights.Student,
            outcome.AlphaThreshold,
            outcome.ConfigHash,
            metrics);
        return ModelPackageWriter.Write(net, metadata, outDir, includeFeatures, zip);
    }
}
