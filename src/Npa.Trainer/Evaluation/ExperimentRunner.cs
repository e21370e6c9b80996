using System.Text.Json;
using Npa.Trainer.Calibration;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Evaluation;

/// <summary>Runs variants × seeds of a base preset into &lt;out&gt;/&lt;variant&gt;/seed-&lt;n&gt;; finished runs are reused, so an interrupted experiment continues.</summary>
public sealed class ExperimentRunner
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly TrainConfig baseConfig;
    private readonly string folder;

    /// <summary>Experiment over <paramref name="baseConfig"/> writing into <paramref name="outFolder"/>.</summary>
    public ExperimentRunner(TrainConfig baseConfig, string outFolder)
    {
        this.baseConfig = baseConfig ?? throw new ArgumentNullException(nameof(baseConfig));
        ArgumentException.ThrowIfNullOrWhiteSpace(outFolder);
        folder = outFolder;
    }

    /// <summary>
    /// Runs (or reuses) every run; <paramref name="progressFor"/> gives a progress sink per run label. With
    /// <paramref name="finishedOnly"/> nothing is trained: only runs already finished with the same config are reported.
    /// </summary>
    public IReadOnlyList<ExperimentResult> Run(IReadOnlyList<ExperimentVariant> variants, int runs,
        Func<string, Func<IProgress<TrainingProgress>, TrainingOutcome>, TrainingOutcome> progressFor, bool finishedOnly = false,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(progressFor);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        if (variants.Any(v => v.Name.StartsWith("hsn", StringComparison.Ordinal) || v.Name.StartsWith("homogeneous", StringComparison.Ordinal))
            && !baseConfig.Model.IsSiamese)
            throw new TrainConfigException("the base preset has no branch_b, so the Siamese variants cannot run");
        var results = new List<ExperimentResult>();
        for (int r = 0; r < runs; r++)
        {
            int seed = baseConfig.Seed + r;
            foreach (var variant in variants)
            {
                ct.ThrowIfCancellationRequested();
                var config = variant.Apply(baseConfig) with { Seed = seed, Name = $"{baseConfig.Name}/{variant.Name}" };
                config.Validate(variant.Name);
                string runFolder = Path.Combine(folder, variant.Name, $"seed-{seed}");
                string outcomePath = Path.Combine(runFolder, "outcome.json");
                bool sameConfig = SameConfig(runFolder, config);
                bool finished = File.Exists(outcomePath) && sameConfig;
                if (finishedOnly && !finished) continue;
                // A run stopped part-way (a session that ended) continues from its last checkpoint, as `train --resume` would.
                bool resume = !finished && sameConfig && new CheckpointStore(runFolder).HasLast;
                TrainingOutcome outcome = finished
                    ? JsonSerializer.Deserialize<TrainingOutcome>(File.ReadAllText(outcomePath), Json)!
                    : progressFor($"{variant.Name} seed {seed}{(resume ? " (resumed)" : "")}",
                        p => new TrainingRun(config, runFolder, p, new NoiseAwarePosteriorCalibrator()).Run(resume, ct));
                var epochs = File.ReadAllLines(Path.Combine(runFolder, "metrics.jsonl"))
                    .Select(l => JsonSerializer.Deserialize<EpochMetrics>(l, Json)!).ToArray();
                string noise = NoiseAccounting.EpochFile(runFolder, epochs.Length);
                results.Add(new ExperimentResult(variant.Name, seed, outcome.TestAccuracy ?? outcome.BestValAccuracy, outcome, epochs)
                {
                    LastEpochAlpha = File.Exists(noise) ? AlphaSample.Read(noise) : [],
                    Calibration = RunCalibration.LoadOrCompute(runFolder, ct),
                });
            }
        }
        return results;
    }

    private static bool SameConfig(string runFolder, TrainConfig config)
    {
        string path = Path.Combine(runFolder, "config.json");
        return File.Exists(path) && File.ReadAllText(path) == config.ToJson();
    }
}
