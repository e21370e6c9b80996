using System.CommandLine;
using Npa.Monitor.Commands;

namespace Npa.Monitor;

/// <summary>Entry point of npa-monitor.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("npa-monitor: bedside neonatal pain monitor.");
        root.Subcommands.Add(FlagsCommand.Create());
        return root.Parse(args).Invoke();
    }
}
