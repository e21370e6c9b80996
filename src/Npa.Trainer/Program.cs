using System.CommandLine;
using Npa.Trainer.Commands;

namespace Npa.Trainer;

/// <summary>Entry point of npa-train.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("npa-train: trains and exports the heterogeneous Siamese NIPS model.");
        // One line per command.
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RetrainCommand.Create());
        root.Subcommands.Add(CamCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root.Parse(args).Invoke();
    }
}
