using System.Text.Json;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>The kept network of a finished training run (config.json, outcome.json, best/*.safetensors), loaded in eval mode.</summary>
public sealed class RunCheckpoint : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private RunCheckpoint(TrainConfig config, TrainingOutcome outcome, string weights, SiameseNetwork network)
    {
        Config = config;
        Outcome = outcome;
        Weights = weights;
        Network = network;
    }

    public TrainConfig Config { get; }

    public TrainingOutcome Outcome { get; }

    /// <summary>"student" or "teacher".</summary>
    public string Weights { get; }

    public SiameseNetwork Network { get; }

    /// <summary>Loads <paramref name="which"/>: "winner" (whichever validated better), "student" or "teacher".</summary>
    public static RunCheckpoint Load(string runFolder, string which = "winner")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        string run = Path.GetFullPath(runFolder);
        string outcomePath = Path.Combine(run, "outcome.json");
        if (!File.Exists(outcomePath)) throw new FileNotFoundException($"{outcomePath} not found: is {run} a finished training run?", outcomePath);
        var outcome = JsonSerializer.Deserialize<TrainingOutcome>(File.ReadAllText(outcomePath), Json)
            ?? throw new InvalidDataException($"{outcomePath} is empty");
        var config = TrainConfig.Load(Path.Combine(run, "config.json"));
        string network = which switch
        {
            "winner" => outcome.Winner,
            "student" or "teacher" => which,
            _ => throw new ArgumentException($"--which must be winner, student or teacher, got '{which}'", nameof(which)),
        };
        string weights = Path.Combine(run, "best", network + ".safetensors");
        if (!File.Exists(weights)) throw new FileNotFoundException($"{weights} not found (a run without EMA has no teacher)", weights);
        if (outcome.Branches.Count is < 1 or > 2) throw new InvalidDataException($"{outcomePath}: branches must name 1 or 2 backbones");

        var spec = new NetworkSpec(outcome.Branches[0], outcome.Branches.Count > 1 ? outcome.Branches[1] : null,
            outcome.ClassNames.Count, config.Model.Dropout, outcome.InputSize);
        var net = new SiameseNetwork(spec, CPU);
        try
        {
            net.load_safetensors(weights);
        }
        catch
        {
            net.Dispose();
            throw;
        }
        net.eval();
        return new RunCheckpoint(config, outcome, network, net);
    }

    public void Dispose() => Network.Dispose();
}
