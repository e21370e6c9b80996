using System.CommandLine;
using System.Globalization;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Commands;

/// <summary>The command-line options that override a training preset; shared by <c>train</c> and <c>experiment</c>.</summary>
public sealed class TrainOptionSet
{
    /// <summary>Preset JSON.</summary>
    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "training preset (configs/train/paper.json, cpu-small.json, ci.json)",
        Required = true,
    };

    /// <summary>Data source.</summary>
    public Option<string?> Data { get; } = new("--data", "-d") { Description = "manifest CSV, or a folder with one subfolder per class" };

    /// <summary>Epochs.</summary>
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "number of epochs" };

    /// <summary>Batch size.</summary>
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "mini-batch size" };

    /// <summary>Seed.</summary>
    public Option<int?> Seed { get; } = new("--seed") { Description = "seed of weights, order, augmentation, split and noise" };

    /// <summary>Threads.</summary>
    public Option<int?> Threads { get; } = new("--threads") { Description = "libtorch intra-op threads" };

    /// <summary>EMA switch.</summary>
    public Option<string?> Ema { get; } = OnOff("--ema", "EMA teachers; off: the students' own predictions drive rectification");

    /// <summary>Plain λ switch.</summary>
    public Option<string?> EmaWarmup { get; } = OnOff("--ema-warmup", "mean-teacher warm-up of λ; off: plain λ");

    /// <summary>Relabel switch.</summary>
    public Option<string?> Relabel { get; } = OnOff("--relabel", "label rectification");

    /// <summary>Rank-regularization switch.</summary>
    public Option<string?> RankReg { get; } = OnOff("--rank-reg", "rank regularization term");

    /// <summary>Training objective.</summary>
    public Option<string?> Objective { get; } = new Option<string?>("--objective")
    {
        Description = "alpha_weighted (Eq. 4) or cross_entropy (plain CE, no α; with --branch-b none --ema off --relabel off --rank-reg off: the paper's single-network baseline)",
    }.AcceptOnlyFromAmong(LossOptions.AlphaWeightedObjective, LossOptions.PlainCrossEntropyObjective);

    /// <summary>Branch A.</summary>
    public Option<string?> BranchA { get; } = new("--branch-a") { Description = "backbone of branch A" };

    /// <summary>Branch B.</summary>
    public Option<string?> BranchB { get; } = new("--branch-b") { Description = "backbone of branch B; 'none' for a single branch" };

    /// <summary>Homogeneous pair.</summary>
    public Option<bool> Homogeneous { get; } = new("--homogeneous") { Description = "branch B uses branch A's backbone (homogeneous pair ablation)" };

    /// <summary>Noise kind.</summary>
    public Option<string?> Noise { get; } = new Option<string?>("--noise") { Description = "injected label noise: eq9, symmetric or none" }
        .AcceptOnlyFromAmong("eq9", "symmetric", "none");

    /// <summary>Noise rate.</summary>
    public Option<double?> NoiseRate { get; } = new("--noise-rate") { Description = "fraction of labels the noise changes" };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option o in new Option[] { Config, Data, Epochs, BatchSize, Seed, Threads, Ema, EmaWarmup, Relabel, RankReg, Objective, BranchA, BranchB, Homogeneous, Noise, NoiseRate })
            command.Options.Add(o);
    }

    /// <summary>Loads the preset and applies the given overrides; the result is validated.</summary>
    public TrainConfig Load(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var c = TrainConfig.Load(parse.GetRequiredValue(Config));
        if (parse.GetValue(Data) is string data)
        {
            c = Directory.Exists(data)
                ? c with { Data = c.Data with { ImageFolder = data, Manifest = null } }
                : c with { Data = c.Data with { Manifest = data, ImageFolder = null } };
        }
        if (parse.GetValue(Epochs) is int epochs) c = c with { Optim = c.Optim with { Epochs = epochs } };
        if (parse.GetValue(BatchSize) is int batch) c = c with { Optim = c.Optim with { BatchSize = batch } };
        if (parse.GetValue(Seed) is int seed) c = c with { Seed = seed };
        if (parse.GetValue(Threads) is int threads) c = c with { Threads = threads };
        if (parse.GetValue(Ema) is string ema) c = c with { Ema = c.Ema with { Enabled = ema == "on" } };
        if (parse.GetValue(EmaWarmup) is string warm) c = c with { Ema = c.Ema with { Warmup = warm == "on" } };
        if (parse.GetValue(Relabel) is string relabel) c = c with { Relabel = c.Relabel with { Enabled = relabel == "on" } };
        if (parse.GetValue(RankReg) is string rr) c = c with { Loss = c.Loss with { RankRegularization = rr == "on" } };
        if (parse.GetValue(Objective) is string objective) c = c with { Loss = c.Loss with { Objective = objective } };
        if (parse.GetValue(BranchA) is string a) c = c with { Model = c.Model with { BranchA = a } };
        if (parse.GetValue(BranchB) is string b)
            c = c with { Model = c.Model with { BranchB = b.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : b } };
        if (parse.GetValue(Homogeneous)) c = c with { Model = c.Model with { BranchB = c.Model.BranchA } };
        if (parse.GetValue(Noise) is string noise) c = c with { Data = c.Data with { Noise = noise } };
        if (parse.GetValue(NoiseRate) is double rate) c = c with { Data = c.Data with { NoiseRate = rate } };
        c.Validate("command line");
        return c;
    }

    /// <summary>Default run folder: runs/&lt;preset&gt;-&lt;UTC time&gt;.</summary>
    public static string DefaultRunFolder(TrainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine("runs", $"{config.Name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
    }

    private static Option<string?> OnOff(string name, string description) =>
        new Option<string?>(name) { Description = description + " (on|off)" }.AcceptOnlyFromAmong("on", "off");
}
