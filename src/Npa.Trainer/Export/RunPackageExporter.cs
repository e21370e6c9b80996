using Npa.Shared.Packaging;

namespace Npa.Trainer.Export;

/// <summary>Turns a finished training run folder (config.json, outcome.json, best/*.safetensors) into a model package.</summary>
public static class RunPackageExporter
{
    /// <summary>
    /// Exports <paramref name="which"/> ("winner": whichever of student and teacher validated better, or "student"/"teacher")
    /// of <paramref name="runFolder"/> into <paramref name="outDir"/>; <paramref name="modelId"/> defaults to &lt;preset&gt;-&lt;config hash&gt;.
    /// </summary>
    public static ModelManifest Export(string runFolder, string outDir, string which = "winner", string? modelId = null, bool zip = false, bool includeFeatures = true)
    {
        using var checkpoint = RunCheckpoint.Load(runFolder, which);
        var outcome = checkpoint.Outcome;
        var config = checkpoint.Config;
        string network = checkpoint.Weights;

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
        return ModelPackageWriter.Write(checkpoint.Network, metadata, outDir, includeFeatures, zip);
    }
}
