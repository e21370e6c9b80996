using System.Text.Json;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class TrainingRun_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-train-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private TrainConfig Ci(string manifest) =>
        TrainConfig.Load(RepoPaths.Config("ci.json")) with { Data = TrainConfig.Load(RepoPaths.Config("ci.json")).Data with { Manifest = manifest } };

    private static List<JsonElement> Metrics(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Ci_Preset_Trains_Writes_Its_Files_And_Resumes_To_The_Same_Result()
    {
        string manifest = TinyImageSet.Create(Path.Combine(root, "data"));
        var config = Ci(manifest);

        // Uninterrupted 2-epoch run.
        string full = Path.Combine(root, "full");
        var outcome = new TrainingRun(config, full).Run();
        var metrics = Metrics(full);
        Assert.Equal(2, metrics.Count);
        Assert.True(metrics[1].GetProperty("loss").GetDouble() < metrics[0].GetProperty("loss").GetDouble(),
            $"loss did not decrease: {metrics[0].GetProperty("loss")} → {metrics[1].GetProperty("loss")}");
        foreach (var f in new[] { "config.json", "data.csv", "relabels.jsonl", "outcome.json", "last/student.safetensors",
                     "last/teacher.safetensors", "last/optimizer.bin", "last/labels.json", "last/state.json", "best/student.safetensors", "best/teacher.safetensors" })
            Assert.True(File.Exists(Path.Combine(full, f)), $"missing {f}");
        Assert.Contains(outcome.Winner, new[] { "student", "teacher" });
        Assert.InRange(outcome.AlphaThreshold, 0.0, 1.0);
        Assert.True(metrics[0].GetProperty("val_accuracy_teacher").ValueKind == JsonValueKind.Number);
        Assert.True(metrics[0].GetProperty("peak_working_set_mb").GetDouble() > 0);
        // Eq. 9 noise at 10 % of each class of 4–5 training samples rounds to 0 or 1 per class: some labels changed, all written out.
        var rows = File.ReadAllLines(Path.Combine(full, "data.csv"));
        Assert.StartsWith("path,label,clean_label", rows[0], StringComparison.Ordinal);

        // Same run stopped after epoch 1, then resumed: epoch 2 must match the uninterrupted run.
        string split = Path.Combine(root, "split");
        using (var cts = new CancellationTokenSource())
        {
            var stopAfterFirst = new SyncProgress(p => { if (p.Completed?.Epoch == 1) cts.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => new TrainingRun(config, split, stopAfterFirst).Run(false, cts.Token));
        }
        Assert.Single(Metrics(split));
        new TrainingRun(config, split).Run(resume: true);
        var resumed = Metrics(split);
        Assert.Equal(2, resumed.Count);
        Assert.Equal(metrics[1].GetProperty("loss").GetDouble(), resumed[1].GetProperty("loss").GetDouble(), 5);
        Assert.Equal(metrics[1].GetProperty("val_accuracy_student").GetDouble(), resumed[1].GetProperty("val_accuracy_student").GetDouble(), 9);

        // Resuming with other settings is refused.
        var changed = config with { Loss = config.Loss with { Delta1 = 0.3 } };
        var e = Assert.Throws<TrainConfigException>(() => new TrainingRun(changed, split).Run(resume: true));
        Assert.Contains("the config differs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrated_Noise_Posterior_Fits_A_Temperature_Each_Epoch_And_Resumes_With_It()
    {
        string manifest = TinyImageSet.Create(Path.Combine(root, "data"));
        var baseConfig = Ci(manifest);
        var config = Npa.Trainer.Evaluation.ExperimentVariant.Find("co-teaching-hsn").Apply(baseConfig) with
        {
            Relabel = Npa.Trainer.Evaluation.ExperimentVariant.Find("co-teaching-hsn").Apply(baseConfig).Relabel with { StartEpoch = 1 },
        };
        Assert.True(config.Relabel.CalibratesPosterior);
        var missing = Assert.Throws<ArgumentNullException>(() => new TrainingRun(config, Path.Combine(root, "x")));
        Assert.Contains("relabel.posterior_calibration is set", missing.Message, StringComparison.Ordinal);

        string full = Path.Combine(root, "full");
        new TrainingRun(config, full, null, new Npa.Trainer.Calibration.NoiseAwarePosteriorCalibrator()).Run();
        var metrics = Metrics(full);
        Assert.All(metrics, m => Assert.InRange(m.GetProperty("posterior_temperature").GetDouble(), 0.05, 20));

        string split = Path.Combine(root, "split");
        using (var cts = new CancellationTokenSource())
        {
            var stopAfterFirst = new SyncProgress(p => { if (p.Completed?.Epoch == 1) cts.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() =>
                new TrainingRun(config, split, stopAfterFirst, new Npa.Trainer.Calibration.NoiseAwarePosteriorCalibrator()).Run(false, cts.Token));
        }
        using (var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(split, "last", "state.json"))))
            Assert.Equal(metrics[0].GetProperty("posterior_temperature").GetDouble(), state.RootElement.GetProperty("posterior_temperature").GetDouble(), 9);
        new TrainingRun(config, split, null, new Npa.Trainer.Calibration.NoiseAwarePosteriorCalibrator()).Run(resume: true);
        var resumed = Metrics(split);
        Assert.Equal(metrics[1].GetProperty("loss").GetDouble(), resumed[1].GetProperty("loss").GetDouble(), 5);
        Assert.Equal(metrics[1].GetProperty("posterior_temperature").GetDouble(), resumed[1].GetProperty("posterior_temperature").GetDouble(), 5);
    }

    [Fact]
    public void A_Single_Branch_Run_Resumes()
    {
        // config.json leaves a null branch_b out; re-loading it used to bring the default second branch back and refuse --resume.
        string manifest = TinyImageSet.Create(Path.Combine(root, "data"));
        var config = Npa.Trainer.Evaluation.ExperimentVariant.Find("plain-a").Apply(Ci(manifest));
        Assert.Null(config.Model.BranchB);
        string run = Path.Combine(root, "single");
        using (var cts = new CancellationTokenSource())
        {
            var stopAfterFirst = new SyncProgress(p => { if (p.Completed?.Epoch == 1) cts.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => new TrainingRun(config, run, stopAfterFirst).Run(false, cts.Token));
        }
        new TrainingRun(config, run).Run(resume: true);
        Assert.Equal(2, Metrics(run).Count);
    }

    [Fact]
    public void Only_The_Epoch_Count_May_Differ_On_Resume()
    {
        const string saved = """{ "name": "x", "optim": { "epochs": 10, "batch_size": 8 } }""";
        Assert.True(TrainingRun.SameExceptEpochs(saved, """{ "name": "x", "optim": { "epochs": 20, "batch_size": 8 } }"""));
        Assert.False(TrainingRun.SameExceptEpochs(saved, """{ "name": "x", "optim": { "epochs": 10, "batch_size": 16 } }"""));
        Assert.False(TrainingRun.SameExceptEpochs(saved, """{ "name": "x", "model": { "branch_b": "efficientnet_v2_s" }, "optim": { "epochs": 10, "batch_size": 8 } }"""));
    }

    [Fact]
    public void Resume_Without_Checkpoint_Gives_Clear_Error()
    {
        var e = Assert.Throws<TrainConfigException>(() => new TrainingRun(Ci("unused.csv"), Path.Combine(root, "none")).Run(resume: true));
        Assert.Contains("--resume: no checkpoint in", e.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }
}
