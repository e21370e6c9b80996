using Npa.Shared.Datasets;
using Npa.Trainer.Training.Options;
using Npa.Trainer.Training;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary>Turns the expected kinds of failure (bad config, bad data, missing files) into one readable line and exit code 2.</summary>
public static class CommandErrors
{
    /// <summary>Runs <paramref name="action"/>; returns 0, or 2 after printing a known error.</summary>
    public static int Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is TrainConfigException or RunFolderException or DatasetManifestException or FileNotFoundException
            or DirectoryNotFoundException or InvalidDataException or ArgumentException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
    }
}
