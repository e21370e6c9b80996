using System.CommandLine;

namespace Npa.Trainer;

/// <summary>Entry point of npa-train.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("npa-train: trains and exports the heterogeneous Siamese NIPS model.");
        root.Subcommands.Add(Commands.BenchCommand.Create());
        return root.Parse(args).Invoke();
    }
}
