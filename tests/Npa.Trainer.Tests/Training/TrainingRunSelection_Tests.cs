using System.Globalization;
using System.Text.Json;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class TrainingRunSelection_Tests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-select-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static TrainConfig Ci(string manifest)
    {
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        // No injected noise: the manifest's own labels are what training sees, so only clean_label differs between the runs.
        return ci with { Data = ci.Data with { Manifest = manifest, Noise = "none" } };
    }

    /// <summary>The tiny set as a manifest with a fixed split; <paramref name="clean"/> gives each row's clean label from (row, label).</summary>
    private string Manifest(string name, Func<int, int, int> clean, Func<int, string>? split = null)
    {
        string data = Path.Combine(root, "data");
        string tiny = Path.Combine(data, "manifest.csv");
        if (!File.Exists(tiny)) TinyImageSet.Create(data);
        var rows = File.ReadAllLines(tiny).Skip(1).Select((line, i) =>
        {
            var f = line.Split(',');
            int label = int.Parse(f[1], CultureInfo.InvariantCulture);
            string s = split?.Invoke(i) ?? (i % 4 == 0 ? "val" : "train");
            return string.Create(CultureInfo.InvariantCulture, $"{f[0]},{label},{clean(i, label)},{s}");
        });
        string path = Path.Combine(data, name);
        File.WriteAllLines(path, new[] { "path,label,clean_label,split" }.Concat(rows));
        return path;
    }

    private static List<JsonElement> Jsonl(string file) =>
        File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Manifests_Differing_Only_In_Clean_Labels_Select_The_Same_Epoch_And_Network()
    {
        // A: clean labels disagree with every fifth row; B: with every validation row and other training rows.
        string a = Manifest("a.csv", (i, label) => i % 5 == 1 ? (label + 1) % 8 : label);
        string b = Manifest("b.csv", (i, label) => i % 4 == 0 || i % 7 == 3 ? (label + 3) % 8 : label);
        string runA = Path.Combine(root, "a"), runB = Path.Combine(root, "b");
        var outcomeA = new TrainingRun(Ci(a), runA).Run();
        var outcomeB = new TrainingRun(Ci(b), runB).Run();

        Assert.Equal((outcomeA.BestEpoch, outcomeA.Winner, outcomeA.BestValAccuracy), (outcomeB.BestEpoch, outcomeB.Winner, outcomeB.BestValAccuracy));
        Assert.Equal(outcomeA.AlphaThreshold, outcomeB.AlphaThreshold, 6);
        Assert.Equal(("val", "val"), (outcomeA.SelectionSplit, outcomeB.SelectionSplit));
        var metricsA = Jsonl(Path.Combine(runA, "metrics.jsonl"));
        var metricsB = Jsonl(Path.Combine(runB, "metrics.jsonl"));
        foreach (string key in new[] { "val_accuracy_student", "val_accuracy_teacher", "loss", "relabel_count" })
            Assert.Equal(metricsA.Select(m => m.GetProperty(key).GetDouble()), metricsB.Select(m => m.GetProperty(key).GetDouble()));
        // Relabelling decides on the labels a user has too: the same samples get the same new labels.
        static IEnumerable<(int, int)> Relabels(string run) =>
            Jsonl(Path.Combine(run, "relabels.jsonl")).Select(e => (e.GetProperty("sample").GetInt32(), e.GetProperty("new").GetInt32()));
        Assert.Equal(Relabels(runA), Relabels(runB));

        // Only the reporting sees the difference: noise accounting per epoch, with the columns metrics.jsonl gains.
        Assert.NotEqual(metricsA[^1].GetProperty("noise_auc").GetDouble(), metricsB[^1].GetProperty("noise_auc").GetDouble());
        foreach (string key in new[] { "noise_auc", "noisy_base_rate", "low_group_noisy_share", "relabel_recall", "clean_labels_broken" })
            Assert.Equal(JsonValueKind.Number, metricsB[^1].GetProperty(key).ValueKind);
        var noise = File.ReadAllLines(NoiseAccounting.EpochFile(runB, 2));
        Assert.Equal("sample,label,current_label,clean_label,noisy,alpha,group,loss_a,loss_b,path", noise[0]);
        Assert.Equal(36, noise.Length - 1);
        Assert.Contains(noise.Skip(1), l => l.Split(',')[4] == "1");
    }

    [Fact]
    public void Trusted_Clean_Subset_Selects_And_The_Rectification_Gate_Waits_For_The_Bar()
    {
        string manifest = Manifest("trusted.csv", (_, label) => label, i => i % 4 == 0 ? "val" : i % 4 == 1 ? "val_clean" : "train");
        var config = Ci(manifest);
        // A bar of 0 opens after the first epoch's validation: nothing may be relabelled in epoch 1.
        config = config with { Relabel = config.Relabel with { StartTeacherAccuracy = 0.0 } };
        string run = Path.Combine(root, "trusted");
        var outcome = new TrainingRun(config, run).Run();
        Assert.Equal("val_clean", outcome.SelectionSplit);
        Assert.Equal(1, outcome.RectificationGateEpoch);
        Assert.Equal(0, Jsonl(Path.Combine(run, "metrics.jsonl"))[0].GetProperty("relabel_count").GetInt32());
        using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "data.json")));
        Assert.Equal(("val_clean", 12), (data.RootElement.GetProperty("selection_split").GetString(), data.RootElement.GetProperty("validation_clean").GetInt32()));
        Assert.Contains(File.ReadAllLines(Path.Combine(run, "data.csv")), l => l.EndsWith(",val_clean", StringComparison.Ordinal));
    }
}
