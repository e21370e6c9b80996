using System.CommandLine;
using System.Text.Json;
using Npa.Trainer.Evaluation;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train eval</c>: accuracy, macro-F1, MAE, per-class recall, confusion matrix (table and PNG) and ECE of a run, with and without its calibration temperature.</summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var run = new Option<string>("--run", "-r") { Description = "a finished training run folder", Required = true };
        var data = new Option<string?>("--data", "-d") { Description = "manifest CSV or class folder (default: the run's data.csv)" };
        var split = new Option<string>("--split") { Description = "auto (test, else val), train, val, test or all", DefaultValueFactory = _ => "auto" }
            .AcceptOnlyFromAmong("auto", "train", "val", "test", "all");
        var which = new Option<string>("--which") { Description = "winner (whichever validated better), student or teacher", DefaultValueFactory = _ => "winner" }
            .AcceptOnlyFromAmong("winner", "student", "teacher");
        var fit = new Option<string?>("--temperature-fit")
        {
            Description = "how T is fitted on the validation labels: labels (as given) or noise_aware (through the assumed noise model); default: the run's config",
        }.AcceptOnlyFromAmong("labels", "noise_aware");
        var png = new Option<string?>("--png") { Description = "confusion-matrix PNG (default <run>/confusion-<split>.png)" };
        var command = new Command("eval", "Evaluate a trained run: accuracy, macro-F1, MAE, recall per class, confusion matrix, ECE.");
        foreach (Option o in new Option[] { run, data, split, which, fit, png }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string folder = parse.GetRequiredValue(run);
            var (report, classes, used, calibration) = RunEvaluator.Evaluate(folder, parse.GetRequiredValue(which), parse.GetValue(data), parse.GetRequiredValue(split), parse.GetValue(fit));
            ReportPrinter.Print(report, classes, $"{folder} ({used}, {parse.GetRequiredValue(which)})");
            CalibrationPrinter.Print(calibration, used);
            string pngPath = parse.GetValue(png) ?? Path.Combine(folder, $"confusion-{used}.png");
            ConfusionMatrixPlot.Save(report, classes, pngPath, $"{Path.GetFileName(Path.GetFullPath(folder))} {used}");
            string jsonPath = Path.Combine(folder, $"eval-{used}.json");
            var json = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
            if (calibration is not null) json["calibration"] = JsonSerializer.SerializeToNode(calibration, Json);
            File.WriteAllText(jsonPath, json.ToJsonString(Json));
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(pngPath)}[/] and [blue]{Markup.Escape(jsonPath)}[/]");
        }));
        return command;
    }
}
