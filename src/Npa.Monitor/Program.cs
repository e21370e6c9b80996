using System.CommandLine;
using Npa.Monitor.Annotation;
using Npa.Monitor.Cli;
using Npa.Monitor.Commands;
using Npa.Monitor.Models;
using Npa.Monitor.Station;

namespace Npa.Monitor;

/// <summary>Entry point of npa-monitor.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("npa-monitor: bedside neonatal pain monitor (NIPS), with a live dashboard and MQTT.");
        RunCommand.AddTo(root);
        root.Subcommands.Add(FlagsCommand.Create());
        root.Subcommands.Add(BenchCaptureCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(AnnotateCommand.Create());
        root.Subcommands.Add(StationCommand.Create());
        return root.Parse(args).Invoke();
    }
}
