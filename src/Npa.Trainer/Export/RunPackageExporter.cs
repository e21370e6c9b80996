using Npa.Shared.Packaging;
using System.Globalization;
using Npa.Trainer.Calibration;
using Npa.Trainer.Models;

namespace Npa.Trainer.Export;

/// <summary>Turns a finished training run folder (config.json, outcome.json, best/*.safetensors) into a model package.</summary>
public static class RunPackageExporter
{
    /// <summary>
    /// Exports <paramref name="which"/> ("winner": whichever of student and teacher validated better, or "student"/"teacher")
    /// of <paramref name="runFolder"/> into <paramref name="outDir"/>; <paramref name="modelId"/> defaults to &lt;preset&gt;-&lt;config hash&gt;.
    /// </summary>
    public static ModelManifest Export(string runFolder, string outDir, string which = "winner", string? modelId = null, bool zip = false, bool includeFeatures = true) =>
        Export(runFolder, outDir, new RunExportOptions { Which = which, ModelId = modelId, Zip = zip, IncludeFeatures = includeFeatures });

    /// <summary>Exports a run as <paramref name="options"/> say (weight storage, calibration temperature, …).</summary>
    public static ModelManifest Export(string runFolder, string outDir, RunExportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var checkpoint = RunCheckpoint.Load(runFolder, options.Which);
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
        bool fp16 = options.Weights == WeightStorage.Fp16;
        var validation = options.Temperature is null || fp16 ? ValidationSet.Load(runFolder, config, outcome.ClassNames.Count, ct) : null;
        var fit = options.Temperature is null && validation is not null ? ValidationCalibrator.Fit(checkpoint.Network, validation) : null;
        if (fp16) CheckFp16(checkpoint.Network, validation, metrics);
        var metadata = new PackageMetadata(
            options.ModelId ?? $"{config.Name}-{outcome.ConfigHash}",
            config.Data.ToPreprocessSpec(),
            network == "teacher" ? ExportedWeights.Teacher : ExportedWeights.Student,
            outcome.AlphaThreshold,
            outcome.ConfigHash,
            metrics)
        {
            Weights = options.Weights,
            Temperature = fit?.Temperature ?? options.Temperature ?? 1,
            Fusion = config.Model.Fusion,
            Calibration = fit?.ToCalibration(validation?.SplitName ?? ValidationSet.Split),
            TrainingRun = Path.GetFullPath(runFolder),
        };
        return ModelPackageWriter.Write(checkpoint.Network, metadata, outDir, options.IncludeFeatures, options.Zip);
    }

    /// <summary>Records how far FP16 weights move the probabilities, and refuses a package they move by more than the tolerance.</summary>
    private static void CheckFp16(SiameseNetwork network, ValidationSet? validation, Dictionary<string, double> metrics)
    {
        var (difference, samples) = Fp16Check.Measure(network, validation);
        if (difference > Fp16Check.Tolerance)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"fp16 weights change the probabilities by up to {difference:E2} (> {Fp16Check.Tolerance:E0}) on {samples} "
                + $"{(validation is null ? "synthetic inputs" : "validation images")}; export with --weights fp32"));
        metrics[Fp16Check.MetricName] = difference;
        metrics[Fp16Check.SamplesMetricName] = samples;
    }
}
