using System.CommandLine;
using System.Globalization;
using Npa.Trainer.Retraining;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train retrain</c>: fine-tunes the serving model's run on the base set plus annotator-labelled flagged frames.</summary>
public static class RetrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var baseManifest = new Option<string>("--base") { Description = "base training manifest CSV (what the serving model was trained on)", Required = true };
        var flags = new Option<string[]>("--flags")
        {
            Description = "flagged-frame export folder(s) from 'npa-monitor flags export' (labelled: --status labelled after 'flags import'); repeatable",
            Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "training run to fine-tune from (config.json, outcome.json, best/)" };
        var serving = new Option<string?>("--serving") { Description = "serving package folder; its manifest's training_run is the run to fine-tune from" };
        var output = new Option<string>("--out", "-o") { Description = "new run folder", Required = true };
        var package = new Option<string>("--package", "-p") { Description = "candidate package folder to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "fine-tuning epochs", DefaultValueFactory = _ => 3 };
        var lr = new Option<double?>("--learning-rate") { Description = "learning rate (default: a tenth of the source run's)" };
        var val = new Option<double>("--validation-fraction") { Description = "fraction of beds/subjects for validation", DefaultValueFactory = _ => 0.25 };
        var held = new Option<double>("--heldout-fraction") { Description = "fraction of beds/subjects held out for 'gate' (heldout.csv)", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "seed of split, order and augmentation", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads" };
        var id = new Option<string?>("--id") { Description = "candidate model id (default <preset>-retrain-<config hash>)" };
        var command = new Command("retrain",
            "Fine-tune from the serving model's run on the base manifest plus annotator-labelled flagged frames ('cannot tell' and model pre-fills left out, "
            + "duplicates dropped, split by bed/subject) and write a candidate package.");
        foreach (Option o in new Option[] { baseManifest, flags, from, serving, output, package, epochs, lr, val, held, seed, threads, id }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string run = parse.GetValue(from) ?? (parse.GetValue(serving) is string pkg ? ServingRun.Of(pkg)
                : throw new ArgumentException("give --from RUN or --serving PKG"));
            var options = new RetrainOptions
            {
                BaseManifest = parse.GetRequiredValue(baseManifest), FlagExports = parse.GetRequiredValue(flags), FromRun = run,
                OutRun = parse.GetRequiredValue(output), PackageOut = parse.GetRequiredValue(package), Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(lr), ValidationFraction = parse.GetValue(val), HeldoutFraction = parse.GetValue(held),
                Seed = parse.GetValue(seed), Threads = parse.GetValue(threads), ModelId = parse.GetValue(id),
            };
            AnsiConsole.MarkupLine($"retraining from [blue]{Markup.Escape(run)}[/] into [blue]{Markup.Escape(options.OutRun)}[/]");
            var result = SpectreTrainingProgress.Show("retrain", p => Retrainer.Run(options, p));
            var s = result.Set;
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"data: {s.BaseRows} base + {s.FlaggedRows} flagged rows ({s.CannotTell} cannot tell and {s.Unlabelled} unlabelled left out, {s.Duplicates} duplicates dropped); "
                + $"train {s.Rows(Shared.Datasets.DatasetSplit.Train).Count}, validation {s.Rows(Shared.Datasets.DatasetSplit.Validation).Count}, held out {s.Rows(Shared.Datasets.DatasetSplit.Test).Count}"));
            string heldout = result.HeldoutManifest is string h ? "; held-out set for gate: " + Markup.Escape(h) : "";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"candidate [bold]{Markup.Escape(result.Candidate.ModelId)}[/] in [blue]{Markup.Escape(options.PackageOut)}[/]: validation accuracy {result.Outcome.BestValAccuracy:P2} ({result.Outcome.Winner}){heldout}"));
        }));
        return command;
    }
}
