using System.Text.Json;
using Npa.Shared.Datasets;
using Npa.Trainer.Calibration;
using Npa.Trainer.Export;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Retraining;

/// <summary>
/// Fine-tunes a finished run on its base set plus annotator-labelled flagged frames and exports a candidate package.
/// The run folder holds retrain-data.csv (every row with its split), heldout.csv, retrain.json and init.safetensors
/// (the weights it started from, so the run stays exportable when the source run is gone).
/// </summary>
public static class Retrainer
{
    private static JsonSerializerOptions Json => RunFolder.IndentedJson;

    /// <summary>Runs the whole retrain; <paramref name="progress"/> sees each epoch.</summary>
    public static RetrainResult Run(RetrainOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string from = Path.GetFullPath(options.FromRun), run = Path.GetFullPath(options.OutRun);
        if (File.Exists(RunFolder.Outcome(run))) throw new TrainConfigException($"--out: {run} already holds a finished run; choose a new folder");
        var source = TrainConfig.Load(RunFolder.Config(from));
        var (winner, branches) = ReadOutcome(from);

        var exports = options.FlagExports.Select(FlaggedLabelReader.Read).ToArray();
        var set = RetrainSetBuilder.Build(DatasetManifestReader.Read(options.BaseManifest), exports,
            options.ValidationFraction, options.HeldoutFraction, options.Seed);
        if (set.FlaggedRows == 0) throw new TrainConfigException("no annotator-labelled flagged frames in the exports; nothing to retrain on");

        Directory.CreateDirectory(run);
        string init = Path.Combine(run, "init.safetensors");
        File.Copy(RunFolder.BestWeights(from, winner), init, overwrite: true);
        string data = Path.Combine(run, "retrain-data.csv");
        DatasetManifestWriter.Write(data, set.Entries);
        var heldout = set.Rows(DatasetSplit.Test);
        string? heldoutPath = heldout.Count == 0 ? null : Path.Combine(run, "heldout.csv");
        if (heldoutPath is not null) DatasetManifestWriter.Write(heldoutPath, heldout);
        File.WriteAllText(Path.Combine(run, "retrain.json"), JsonSerializer.Serialize(new
        {
            from_run = from, from_weights = winner, base_manifest = Path.GetFullPath(options.BaseManifest),
            flag_exports = options.FlagExports.Select(Path.GetFullPath).ToArray(),
            base_rows = set.BaseRows, flagged_rows = set.FlaggedRows, cannot_tell = set.CannotTell, unlabelled = set.Unlabelled,
            duplicates = set.Duplicates, train = set.Rows(DatasetSplit.Train).Count, validation = set.Rows(DatasetSplit.Validation).Count,
            heldout = heldout.Count,
        }, Json));

        double lr = options.LearningRate ?? source.Optim.LearningRate / 10;
        var config = source with
        {
            Name = source.Name + "-retrain",
            Seed = options.Seed,
            Threads = options.Threads ?? source.Threads,
            // The base set's noise was part of the source run's experiment; relabelled frames are the fix, not more noise.
            Data = source.Data with { Manifest = data, ImageFolder = null, Noise = "none", TestFraction = 0 },
            // outcome.json names the branches trained; config.json drops a null branch_b, which reads back as the default pair.
            Model = source.Model with
            {
                BranchA = branches[0], BranchB = branches.Length > 1 ? branches[1] : null, PretrainedA = null, PretrainedB = null, InitFrom = init,
            },
            Optim = source.Optim with { Epochs = options.Epochs, LearningRate = lr, MinLearningRate = Math.Min(source.Optim.MinLearningRate, lr) },
        };
        var outcome = new TrainingRun(config, run, progress, new NoiseAwarePosteriorCalibrator()).Run(ct: ct);
        var candidate = RunPackageExporter.Export(run, options.PackageOut,
            new RunExportOptions { ModelId = options.ModelId ?? $"{config.Name}-{outcome.ConfigHash}" }, ct);
        return new RetrainResult(set, outcome, candidate, heldoutPath);
    }

    private static (string Winner, string[] Branches) ReadOutcome(string run)
    {
        string path = RunFolder.Outcome(run);
        if (!File.Exists(path)) throw new TrainConfigException($"--from: {path} not found; is {run} a finished training run?");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        string winner = doc.RootElement.GetProperty("winner").GetString() ?? throw new TrainConfigException($"--from: {path} names no winner");
        string[] branches = [.. doc.RootElement.GetProperty("branches").EnumerateArray().Select(b => b.GetString() ?? "")];
        if (branches.Length is < 1 or > 2) throw new TrainConfigException($"--from: {path} must name 1 or 2 branches");
        return (winner, branches);
    }
}
