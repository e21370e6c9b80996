using System.CommandLine;
using Npa.Monitor.Commands;
using Npa.Monitor.Models;

namespace Npa.Loop.Tests;

/// <summary>Runs an <c>npa-monitor</c> data-team command in process, as a shell would, and keeps its output.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Stdout, string Stderr)> MonitorAsync(params string[] args)
    {
        var root = new RootCommand("npa-monitor") { FlagsCommand.Create(), ModelsCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
