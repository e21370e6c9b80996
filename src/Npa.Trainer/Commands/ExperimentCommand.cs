using System.CommandLine;
using Npa.Trainer.Evaluation;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train experiment</c>: variants × seeds of a preset, with a markdown report like the paper's Tables II/III and Fig. 3.</summary>
public static class ExperimentCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var options = new TrainOptionSet();
        var runs = new Option<int>("--runs", "-n") { Description = "seeds per configuration", DefaultValueFactory = _ => 5 };
        var variants = new Option<string>("--variants")
        {
            Description = "comma-separated: " + string.Join(", ", ExperimentVariant.All.Select(v => v.Name)),
            DefaultValueFactory = _ => "hsn,hsn-no-ema,plain-a,plain-b,single-a,single-b",
        };
        var finishedOnly = new Option<bool>("--report-only") { Description = "train nothing; report the runs already finished in --out" };
        var output = new Option<string?>("--out", "-o") { Description = "experiment folder (default runs/experiment-<preset>-<time>)" };
        var command = new Command("experiment", "Run configurations × seeds and write report.md (mean ± std) and relabels.png.");
        options.AddTo(command);
        foreach (Option o in new Option[] { runs, variants, output, finishedOnly }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var config = options.Load(parse);
            var chosen = parse.GetRequiredValue(variants).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ExperimentVariant.Find).ToArray();
            int n = parse.GetValue(runs);
            if (n < 1) throw new Training.Options.TrainConfigException($"--runs must be at least 1, got {n}");
            string folder = parse.GetValue(output) ?? Path.Combine("runs", "experiment-" + Path.GetFileName(TrainOptionSet.DefaultRunFolder(config)));
            Directory.CreateDirectory(folder);
            AnsiConsole.MarkupLine($"experiment [bold]{Markup.Escape(config.Name)}[/]: {chosen.Length} configurations × {n} seeds into [blue]{Markup.Escape(folder)}[/]");
            var results = new ExperimentRunner(config, folder).Run(chosen, n, (label, work) => SpectreTrainingProgress.Show(label, work),
                parse.GetValue(finishedOnly));
            if (results.Count == 0) throw new Training.Options.TrainConfigException($"no finished runs with this config in {folder}");
            string markdown = ExperimentReport.Write(folder, config, results);
            Console.Out.WriteLine(markdown);
        }));
        return command;
    }
}
