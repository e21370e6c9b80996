using System.Text.Json;
using Npa.Trainer.Evaluation;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Training;
using Npa.Trainer.Training.CoDivision;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training.CoDivision;

public sealed class CoDivideTraining_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-codivide-run-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private TrainConfig Variant(string name)
    {
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        var config = ExperimentVariant.Find(name).Apply(ci with { Data = ci.Data with { Manifest = TinyImageSet.Create(Path.Combine(root, "data")) } });
        config.Validate(name);
        return config;
    }

    private static double[] Losses(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("loss").GetDouble()).ToArray();

    [Fact]
    public void Co_Divide_Run_Saves_Each_Epoch_Division_And_Resumes_To_The_Same_Result()
    {
        var config = Variant("hsn-co-divide");
        string full = Path.Combine(root, "full");
        new TrainingRun(config, full).Run();
        string[] data = File.ReadAllLines(Path.Combine(full, "data.csv"));
        int splitColumn = Array.IndexOf(data[0].Split(','), "split");
        int trainRows = data.Skip(1).Count(l => l.Split(',')[splitColumn] == "train");
        Assert.True(trainRows > 0);
        foreach (int epoch in new[] { 1, 2 })
        {
            string[] lines = File.ReadAllLines(CoDivide.EpochFile(full, epoch));
            Assert.Equal(trainRows, lines.Length - 1);
            Assert.All(lines.Skip(1), l => Assert.All(l.Split(',').Skip(1).Select(double.Parse), p => Assert.InRange(p, 0.0, 1.0)));
        }
        Assert.All(Losses(full), l => Assert.True(double.IsFinite(l)));

        // Stop after epoch 1 and resume: epoch 2 needs epoch 1's division as its α targets, from the file.
        string split = Path.Combine(root, "split");
        using (var cts = new CancellationTokenSource())
        {
            var stop = new SyncProgress(p => { if (p.Completed?.Epoch == 1) cts.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => new TrainingRun(config, split, stop).Run(false, cts.Token));
        }
        new TrainingRun(config, split).Run(resume: true);
        Assert.Equal(Losses(full)[1], Losses(split)[1], 5);
        Assert.Equal(File.ReadAllText(CoDivide.EpochFile(full, 2)), File.ReadAllText(CoDivide.EpochFile(split, 2)));
    }

    [Fact]
    public void Co_Teaching_Run_Trains_Both_Branches_Without_Alpha_Terms()
    {
        var config = Variant("co-teaching");
        Assert.False(config.Loss.RankRegularization);
        string run = Path.Combine(root, "co-teaching");
        new TrainingRun(config, run).Run();
        double[] losses = Losses(run);
        Assert.Equal(2, losses.Length);
        Assert.All(losses, l => Assert.True(double.IsFinite(l) && l > 0));
        Assert.False(Directory.Exists(Path.Combine(run, CoDivide.Folder)));
    }

    private sealed class SyncProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }
}
