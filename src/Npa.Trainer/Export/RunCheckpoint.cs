using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>The kept network of a finished training run (see <see cref="RunFolder"/>), loaded in eval mode.</summary>
public sealed class RunCheckpoint : IDisposable
{
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
        var run = RunFolder.LoadFinished(runFolder, which);
        var (config, outcome, network) = (run.Config, run.Outcome, run.Network);
        string weights = run.WeightsPath;

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
