using System.Text.Json;
using System.Text.Json.Serialization;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>The layout of a training run folder (file names, the JSON it is written in) and the one loader of a finished run.</summary>
public static class RunFolder
{
    public const string ConfigFile = "config.json";
    public const string MetricsFile = "metrics.jsonl";
    public const string RelabelsFile = "relabels.jsonl";
    public const string OutcomeFile = "outcome.json";
    public const string DataFile = "data.csv";
    public const string BestFolder = "best";
    public const string LastFolder = "last";
    public const string WeightsExtension = ".safetensors";

    /// <summary>Snake-case JSON, compact: outcome.json as read, and any run-folder document read back.</summary>
    public static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Snake-case JSON, indented: the documents a person opens (outcome.json, checkpoint state).</summary>
    public static JsonSerializerOptions IndentedJson { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Snake-case JSON lines; NaN and ∞ are written as names, because an epoch's metrics can be undefined.</summary>
    public static JsonSerializerOptions JsonLine { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Config(string folder) => Path.Combine(folder, ConfigFile);

    public static string Metrics(string folder) => Path.Combine(folder, MetricsFile);

    public static string Relabels(string folder) => Path.Combine(folder, RelabelsFile);

    public static string Outcome(string folder) => Path.Combine(folder, OutcomeFile);

    public static string Data(string folder) => Path.Combine(folder, DataFile);

    /// <summary>The kept weights of <paramref name="network"/> ("student" or "teacher").</summary>
    public static string BestWeights(string folder, string network) => Path.Combine(folder, BestFolder, network + WeightsExtension);

    /// <summary>
    /// Loads a finished run and picks <paramref name="which"/>: "winner" (whichever validated better), "student" or "teacher".
    /// Every way the folder can fail to be one is a <see cref="RunFolderException"/>; a bad <paramref name="which"/> is a <see cref="TrainConfigException"/>.
    /// </summary>
    public static FinishedRun LoadFinished(string folder, string which = "winner")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string run = Path.GetFullPath(folder);
        string outcomePath = Outcome(run);
        if (!File.Exists(outcomePath)) throw new RunFolderException($"{outcomePath} not found: is {run} a finished training run?");
        TrainingOutcome outcome;
        try
        {
            outcome = JsonSerializer.Deserialize<TrainingOutcome>(File.ReadAllText(outcomePath), Json)
                ?? throw new RunFolderException($"{outcomePath} is empty");
        }
        catch (JsonException e)
        {
            throw new RunFolderException($"{outcomePath} is not a training outcome: {e.Message}", e);
        }

        if (outcome.Branches.Count is < 1 or > 2) throw new RunFolderException($"{outcomePath}: branches must name 1 or 2 backbones");
        string network = which switch
        {
            "winner" => outcome.Winner,
            "student" or "teacher" => which,
            _ => throw new TrainConfigException($"--which must be winner, student or teacher, got '{which}'"),
        };
        string configPath = Config(run);
        if (!File.Exists(configPath)) throw new RunFolderException($"{configPath} not found: is {run} a finished training run?");
        var config = TrainConfig.Load(configPath);
        string weights = BestWeights(run, network);
        if (!File.Exists(weights)) throw new RunFolderException($"{weights} not found (a run without EMA has no teacher)");
        return new FinishedRun(run, config, outcome, network, weights);
    }
}
