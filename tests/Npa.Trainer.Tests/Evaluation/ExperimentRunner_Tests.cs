using Npa.Trainer.Evaluation;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Tests.Training;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class ExperimentRunner_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-exp-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_Run_Stopped_Part_Way_Resumes_And_A_Finished_One_Is_Reused()
    {
        string manifest = TinyImageSet.Create(Path.Combine(root, "data"));
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        var config = ci with { Data = ci.Data with { Manifest = manifest } };
        string outFolder = Path.Combine(root, "exp");
        var variants = new[] { ExperimentVariant.Find("plain-a") };
        var labels = new List<string>();

        // The first session ends after epoch 1 of the run.
        using (var cts = new CancellationTokenSource())
        {
            Assert.ThrowsAny<OperationCanceledException>(() => new ExperimentRunner(config, outFolder).Run(variants, 1, (label, train) =>
            {
                labels.Add(label);
                return train(new Stop(p => { if (p.Completed?.Epoch == 1) cts.Cancel(); }));
            }, ct: cts.Token));
        }
        string run = Path.Combine(outFolder, "plain-a", $"seed-{config.Seed}");
        Assert.Single(File.ReadAllLines(Path.Combine(run, "metrics.jsonl")));

        // The next session continues it: epoch 2 is added to epoch 1, not a fresh start.
        var results = new ExperimentRunner(config, outFolder).Run(variants, 1, (label, train) => { labels.Add(label); return train(new Stop(_ => { })); });
        Assert.Equal(["plain-a seed 1", "plain-a seed 1 (resumed)"], labels);
        Assert.Equal(2, results[0].Epochs.Count);
        Assert.Equal([1, 2], results[0].Epochs.Select(e => e.Epoch));

        // Finished: reused without training.
        new ExperimentRunner(config, outFolder).Run(variants, 1, (label, _) => throw new InvalidOperationException($"{label} trained again"));
    }

    private sealed class Stop(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }
}
