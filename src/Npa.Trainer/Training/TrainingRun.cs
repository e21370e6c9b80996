using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npa.Shared.Datasets;
using Npa.Trainer.Data;
using Npa.Trainer.Evaluation;
using Npa.Trainer.Models;
using Npa.Trainer.Training.CoDivision;
using Npa.Trainer.Training.Options;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// One training run into a folder: config.json, data.csv (splits, injected noise), metrics.jsonl, relabels.jsonl,
/// checkpoints (last/, best/) and outcome.json (student or teacher, α threshold).
/// </summary>
public sealed class TrainingRun
{
    private static JsonSerializerOptions Json => RunFolder.IndentedJson;
    private static JsonSerializerOptions JsonLine => RunFolder.JsonLine;
    private readonly TrainConfig config;
    private readonly string folder;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly IPosteriorCalibrator? posteriorCalibrator;

    /// <summary>A run of <paramref name="config"/> writing into <paramref name="runFolder"/>.</summary>
    /// <remarks><paramref name="posteriorCalibrator"/> is required when <c>relabel.posterior_calibration</c> is set.</remarks>
    public TrainingRun(TrainConfig config, string runFolder, IProgress<TrainingProgress>? progress = null, IPosteriorCalibrator? posteriorCalibrator = null)
    {
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        folder = Path.GetFullPath(runFolder);
        this.progress = progress;
        if (config.Relabel.Enabled && config.Relabel.CalibratesPosterior && posteriorCalibrator is null)
            throw new ArgumentNullException(nameof(posteriorCalibrator), "relabel.posterior_calibration is set");
        this.posteriorCalibrator = posteriorCalibrator;
    }

    /// <summary>Trains (continuing from <c>last/</c> when <paramref name="resume"/>) and returns the outcome.</summary>
    public TrainingOutcome Run(bool resume = false, CancellationToken ct = default)
    {
        config.Validate();
        var store = new CheckpointStore(folder);
        if (resume && !store.HasLast) throw new TrainConfigException($"--resume: no checkpoint in {store.LastFolder}");
        if (resume) CheckSameConfig();
        Directory.CreateDirectory(folder);
        if (config.Threads > 0) torch.set_num_threads(config.Threads);
        var device = ResolveDevice(config.Device);
        var data = DataPreparation.Prepare(config.Data, config.Seed);
        if (data.Selection.Count == 0)
            throw new TrainConfigException("the validation split is empty; keep-best and the student/teacher choice need one (data.validation_fraction)");
        File.WriteAllText(RunFolder.Config(folder), config.ToJson());
        DatasetManifestWriter.Write(RunFolder.Data(folder), data.Train.Concat(data.Validation).Concat(data.TrustedValidation).Concat(data.Test));
        File.WriteAllText(Path.Combine(folder, "data.json"), JsonSerializer.Serialize(new
        {
            train = data.Train.Count, validation = data.Validation.Count, validation_clean = data.TrustedValidation.Count, test = data.Test.Count,
            noisy_train_labels = data.NoisyCount, noisy_validation_labels = data.NoisyValidationCount, noise_source = data.NoiseSource,
            selection_split = data.SelectionSplit, class_names = data.ClassNames,
        }, Json));

        var spec = config.Data.ToPreprocessSpec();
        var trainPaths = data.Train.Select(e => e.Path).ToArray();
        var trainBuilder = new BatchBuilder(ImageCache.Load(trainPaths, spec, ct), spec);
        var valBuilder = new BatchBuilder(ImageCache.Load(data.Selection.Select(e => e.Path).ToArray(), spec, ct), spec);
        // Selection uses the labels a user has (noisy where the data is noisy, or the trusted val_clean subset); clean
        // labels only ever serve reporting.
        var valTruth = data.Selection.Select(e => e.Label).ToArray();
        var valIndices = Enumerable.Range(0, valTruth.Length).ToArray();

        torch.manual_seed(config.Seed);
        var netSpec = new NetworkSpec(config.Model.BranchA, config.Model.IsSiamese ? config.Model.BranchB : null,
            data.ClassCount, config.Model.Dropout, config.Data.ImageSize);
        using var student = new SiameseNetwork(netSpec, device);
        var pretrained = BranchWeights.Load(student, config.Model);
        if (config.Model.InitFrom is string init) student.load_safetensors(init);
        if (pretrained.Count > 0) File.WriteAllText(Path.Combine(folder, "pretrained.json"), JsonSerializer.Serialize(pretrained, Json));
        using var teacherNet = config.Ema.Enabled ? student.CloneArchitecture(device) : null;
        var ema = teacherNet is null ? null : new EmaTeacher(student, teacherNet, config.Ema);
        using var optimizer = new Torch.AdamW(student.parameters(), config.Optim.LearningRate, weightDecay: config.Optim.WeightDecay);
        var labels = new LabelStore(data.Train.Select(e => e.Label).ToArray(), data.Train.Select(e => e.CleanLabel).ToArray());

        var state = new TrainingState();
        string metricsPath = RunFolder.Metrics(folder), relabelPath = RunFolder.Relabels(folder);
        if (resume)
        {
            state = store.LoadLast(student, teacherNet, optimizer, labels);
            if (ema is not null) ema.Step = state.EmaStep;
            TruncateJsonl(metricsPath, state.Epoch);
            TruncateJsonl(relabelPath, state.Epoch);
        }
        else
        {
            File.Delete(metricsPath);
            File.Delete(relabelPath);
        }
        // Noise accounting only where the training labels are known to carry noise: elsewhere there is nothing to find.
        var accounting = data.NoiseSource == "none" ? null : new NoiseAccounting(folder, trainPaths);
        var coDivide = config.Loss.IsCoDivide ? new CoDivide(labels.Count, 2, folder) : null;
        if (resume) coDivide?.Resume(state.Epoch);
        else if (Directory.Exists(Path.Combine(folder, CoDivide.Folder))) Directory.Delete(Path.Combine(folder, CoDivide.Folder), recursive: true);
        var trainer = new EpochTrainer(config, student, ema, optimizer, trainBuilder, labels, trainPaths, device, accounting, coDivide);
        if (state.RectificationGateEpoch is not null) trainer.OpenRectificationGate();
        if (state.PosteriorTemperature is double resumedT) trainer.PosteriorTemperature = resumedT;
        var noiseModel = config.Relabel.Enabled && config.Relabel.CalibratesPosterior ? config.Data.NoiseTransition(netSpec.ClassCount) : null;
        using (var log = new RelabelLog(relabelPath))
        {
            for (int epoch = state.Epoch + 1; epoch <= config.Optim.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                var metrics = trainer.Run(epoch, log, progress, ct);
                var studentVal = Predictor.Run(student, valBuilder, valIndices, config.Optim.BatchSize, device, config.Model.Fusion);
                double studentAcc = Accuracy(valTruth, studentVal.Fused);
                double? teacherAcc = teacherNet is null ? null
                    : Accuracy(valTruth, Predictor.Run(teacherNet, valBuilder, valIndices, config.Optim.BatchSize, device, config.Model.Fusion).Fused);
                metrics = metrics with
                {
                    ValAccuracyStudent = studentAcc, ValAccuracyTeacher = teacherAcc,
                    ValAccuracyBranches = studentVal.Branches.Select(b => Accuracy(valTruth, b)).ToArray(),
                    Seconds = clock.Elapsed.TotalSeconds, PeakWorkingSetMb = PeakWorkingSetMb(),
                };
                if (noiseModel is not null)
                {
                    // The rule's predictors (teachers, or the students with EMA off) are calibrated for the next epoch.
                    trainer.PosteriorTemperature = posteriorCalibrator!.FitTemperature(teacherNet ?? student, valBuilder, valTruth,
                        config.Optim.BatchSize, device, config.Model.Fusion, noiseModel);
                    metrics = metrics with { PosteriorTemperature = trainer.PosteriorTemperature };
                }
                bool gatePassed = state.RectificationGateEpoch is null && config.Relabel.StartTeacherAccuracy is double bar
                    && (teacherAcc ?? studentAcc) >= bar;
                if (gatePassed) trainer.OpenRectificationGate();
                bool teacherWins = teacherAcc is double t && t > studentAcc;
                double best = teacherWins ? teacherAcc!.Value : studentAcc;
                bool improved = best > state.BestAccuracy;
                state = state with
                {
                    Epoch = epoch, EmaStep = ema?.Step ?? 0, RelabelTotal = state.RelabelTotal + metrics.RelabelCount,
                    Seconds = state.Seconds + metrics.Seconds,
                    PosteriorTemperature = noiseModel is null ? state.PosteriorTemperature : trainer.PosteriorTemperature,
                    RectificationGateEpoch = gatePassed ? epoch : state.RectificationGateEpoch,
                };
                if (improved)
                {
                    state = state with
                    {
                        BestEpoch = epoch, BestAccuracy = best, BestWinner = teacherWins ? "teacher" : "student",
                        BestStudentAccuracy = studentAcc, BestTeacherAccuracy = teacherAcc,
                    };
                }
                store.SaveLast(student, teacherNet, optimizer, labels, state);
                if (improved) store.PromoteLastToBest();
                File.AppendAllText(metricsPath, JsonSerializer.Serialize(metrics, JsonLine) + "\n");
                progress?.Report(new TrainingProgress(epoch, config.Optim.Epochs, trainer.StepsPerEpoch, trainer.StepsPerEpoch,
                    metrics.Loss, metrics.TrainAccuracy, metrics));
            }
        }
        return Finish(store, state, data, netSpec, trainBuilder, device, ct);
    }

    private TrainingOutcome Finish(CheckpointStore store, TrainingState state, PreparedData data, NetworkSpec netSpec,
        BatchBuilder trainBuilder, Device device, CancellationToken ct)
    {
        using var winner = new SiameseNetwork(netSpec, device);
        winner.load_safetensors(Path.Combine(store.BestFolder, state.BestWinner + RunFolder.WeightsExtension));
        var trainAlpha = Predictor.Run(winner, trainBuilder, Enumerable.Range(0, data.Train.Count).ToArray(), config.Optim.BatchSize, device).Alpha;
        double? testAcc = null;
        if (data.Test.Count > 0)
        {
            var spec = config.Data.ToPreprocessSpec();
            var testBuilder = new BatchBuilder(ImageCache.Load(data.Test.Select(e => e.Path).ToArray(), spec, ct), spec);
            var preds = Predictor.Run(winner, testBuilder, Enumerable.Range(0, data.Test.Count).ToArray(), config.Optim.BatchSize, device, config.Model.Fusion);
            testAcc = Accuracy(data.Test.Select(e => e.CleanLabel ?? e.Label).ToArray(), preds.Fused);
        }
        var outcome = new TrainingOutcome
        {
            Winner = state.BestWinner, BestEpoch = state.BestEpoch, BestValAccuracy = state.BestAccuracy,
            ValAccuracyStudent = state.BestStudentAccuracy, ValAccuracyTeacher = state.BestTeacherAccuracy,
            AlphaThreshold = AlphaThreshold.Compute(trainAlpha, config.Loss.Beta), Beta = config.Loss.Beta, TestAccuracy = testAcc,
            ClassNames = data.ClassNames, Branches = netSpec.BranchB is null ? [netSpec.BranchA] : [netSpec.BranchA, netSpec.BranchB],
            InputSize = netSpec.InputSize, ConfigHash = config.Hash(), RelabelTotal = state.RelabelTotal,
            SelectionSplit = data.SelectionSplit, RectificationGateEpoch = state.RectificationGateEpoch,
            SecondsPerEpoch = state.Epoch == 0 ? 0 : state.Seconds / state.Epoch, PeakWorkingSetMb = PeakWorkingSetMb(),
        };
        File.WriteAllText(RunFolder.Outcome(folder), JsonSerializer.Serialize(outcome, Json));
        return outcome;
    }

    /// <summary>A resumed run must use the saved config; only the epoch count may grow.</summary>
    private void CheckSameConfig()
    {
        // Compared as written, not re-loaded: keys left out (a single branch's null branch_b) would come back as defaults.
        if (!SameExceptEpochs(File.ReadAllText(RunFolder.Config(folder)), config.ToJson()))
            throw new TrainConfigException($"--resume: the config differs from the one {folder} was trained with (only optim.epochs may change); see {RunFolder.Config(folder)}");
    }

    /// <summary>Whether two configs' JSON are equal once <c>optim.epochs</c> is taken out of both.</summary>
    internal static bool SameExceptEpochs(string savedJson, string currentJson)
    {
        static JsonNode? WithoutEpochs(string json)
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            (node?["optim"] as JsonObject)?.Remove("epochs");
            return node;
        }
        return JsonNode.DeepEquals(WithoutEpochs(savedJson), WithoutEpochs(currentJson));
    }

    private static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities) =>
        ClassificationMetrics.Compute(truth, probabilities, probabilities[0].Length).Accuracy;

    private static Device ResolveDevice(string name)
    {
        if (name == "cuda" && !cuda.is_available())
            throw new TrainConfigException("device 'cuda' was asked for but no CUDA device is available to libtorch (this build is TorchSharp-cpu)");
        return name == "cuda" ? CUDA : CPU;
    }

    /// <summary>Keeps only the lines of epochs up to <paramref name="epoch"/> (a resumed run rewrites later ones).</summary>
    private static void TruncateJsonl(string path, int epoch)
    {
        if (!File.Exists(path)) return;
        var keep = File.ReadAllLines(path).Where(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return doc.RootElement.GetProperty("epoch").GetInt32() <= epoch;
        }).ToArray();
        File.WriteAllLines(path, keep);
    }

    internal static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
