using System.CommandLine;
using System.Globalization;
using Npa.Trainer.Calibration;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train train</c>: trains the heterogeneous Siamese network from a preset.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var options = new TrainOptionSet();
        var output = new Option<string?>("--out", "-o") { Description = "run folder (default runs/<preset>-<time>)" };
        var resume = new Option<bool>("--resume") { Description = "continue from <out>/last/" };
        var command = new Command("train", "Train the heterogeneous Siamese network (EMA teachers, rank regularization, label rectification).");
        options.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(resume);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var config = options.Load(parse);
            string folder = parse.GetValue(output) ?? TrainOptionSet.DefaultRunFolder(config);
            AnsiConsole.MarkupLine($"training [bold]{Markup.Escape(config.Name)}[/] into [blue]{Markup.Escape(folder)}[/]");
            var outcome = SpectreTrainingProgress.Show(config.Name, p => new TrainingRun(config, folder, p, new NoiseAwarePosteriorCalibrator()).Run(parse.GetValue(resume)));
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"best epoch {outcome.BestEpoch}: [bold]{outcome.Winner}[/] validated better ({outcome.BestValAccuracy:P2}); "
                + $"α threshold {outcome.AlphaThreshold:F4}; relabels {outcome.RelabelTotal}; {outcome.SecondsPerEpoch:F1} s/epoch; "
                + $"peak {outcome.PeakWorkingSetMb:F0} MiB"));
        }));
        return command;
    }
}
