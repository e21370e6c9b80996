using Npa.Shared.Datasets;
using Npa.Trainer.Calibration;
using Npa.Trainer.Data;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Evaluation;

/// <summary>Evaluates a finished run's kept network (student, teacher, or whichever validated better) on labelled images.</summary>
public static class RunEvaluator
{
    /// <summary>
    /// Predicts <paramref name="data"/> (a manifest or class-folder; null: the run's own data.csv) and scores it against the
    /// clean label where known, else the label. <paramref name="split"/>: auto (test, else val), train, val, test or all.
    /// Calibration: the ECE of that split with and without the temperature fitted on the run's validation split (null without one).
    /// <paramref name="temperatureFit"/> overrides the run's <c>model.temperature_fit</c> for that fit: <c>labels</c> (the
    /// NLL of the labels as given) or <c>noise_aware</c>; null keeps the run's own. The choice is made after training, so
    /// a finished run can be calibrated either way.
    /// </summary>
    public static (ClassificationReport Report, IReadOnlyList<string> ClassNames, string Split, TemperatureEvaluation? Calibration) Evaluate(
        string runFolder, string which = "winner", string? data = null, string split = "auto", string? temperatureFit = null, CancellationToken ct = default)
    {
        var run = RunFolder.LoadFinished(runFolder, which);
        var (config, outcome, weights) = (run.Config, run.Outcome, run.WeightsPath);
        if (temperatureFit is not null) config = WithTemperatureFit(config, temperatureFit);

        var entries = data is null ? DatasetManifestReader.Read(RunFolder.Data(runFolder), new DatasetManifestOptions { ClassCount = outcome.ClassNames.Count })
            : Directory.Exists(data) ? ImageFolderReader.Read(data, outcome.ClassNames).Entries
            : DatasetManifestReader.Read(data, new DatasetManifestOptions { ClassCount = outcome.ClassNames.Count });
        (entries, split) = Select(entries, split);
        if (entries.Count == 0) throw new InvalidDataException($"no samples in split '{split}'");

        var spec = config.Data.ToPreprocessSpec();
        var builder = new BatchBuilder(ImageCache.Load(entries.Select(e => e.Path).ToArray(), spec, ct), spec);
        var netSpec = new NetworkSpec(outcome.Branches[0], outcome.Branches.Count > 1 ? outcome.Branches[1] : null,
            outcome.ClassNames.Count, config.Model.Dropout, outcome.InputSize);
        using var net = new SiameseNetwork(netSpec, CPU);
        net.load_safetensors(weights);
        var logits = LogitCollector.Run(net, builder, Enumerable.Range(0, entries.Count).ToArray(), config.Optim.BatchSize, CPU)
            with { Fusion = config.Model.Fusion };
        var truth = entries.Select(e => e.CleanLabel ?? e.Label).ToArray();
        var report = ClassificationMetrics.Compute(truth, logits.Fused(), outcome.ClassNames.Count);
        var calibration = TemperatureEvaluation.Of(net, runFolder, config, outcome.ClassNames.Count, logits, truth, ct);
        return (report, outcome.ClassNames, split, calibration);
    }

    /// <summary><paramref name="config"/> with <c>model.temperature_fit</c> set (<c>labels</c> clears it), validated.</summary>
    public static TrainConfig WithTemperatureFit(TrainConfig config, string temperatureFit)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (temperatureFit is not ("labels" or ModelOptions.NoiseAwareTemperatureFit))
            throw new TrainConfigException($"--temperature-fit must be labels or {ModelOptions.NoiseAwareTemperatureFit}, got '{temperatureFit}'");
        var changed = config with { Model = config.Model with { TemperatureFit = temperatureFit == "labels" ? null : temperatureFit } };
        changed.Validate("--temperature-fit");
        return changed;
    }

    private static (IReadOnlyList<DatasetEntry>, string) Select(IReadOnlyList<DatasetEntry> entries, string split)
    {
        if (split == "all" || entries.All(e => e.Split is null)) return (entries, "all");
        DatasetSplit wanted = split switch
        {
            "auto" => entries.Any(e => e.Split == DatasetSplit.Test) ? DatasetSplit.Test : DatasetSplit.Validation,
            "train" => DatasetSplit.Train,
            "val" => DatasetSplit.Validation,
            "test" => DatasetSplit.Test,
            _ => throw new TrainConfigException($"--split must be auto, train, val, test or all, got '{split}'"),
        };
        string name = wanted switch { DatasetSplit.Train => "train", DatasetSplit.Validation => "val", _ => "test" };
        return (entries.Where(e => e.Split == wanted).ToArray(), name);
    }
}
