using System.CommandLine;
using System.Globalization;
using Npa.Trainer.Export;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train export</c>: writes a finished run as a model package (model.onnx + model.json, optionally a .zip).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint", "--run", "-r") { Description = "a finished training run folder (config.json, outcome.json, best/)", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "package folder to write", Required = true };
        var which = new Option<string>("--which") { Description = "winner (whichever validated better), student or teacher", DefaultValueFactory = _ => "winner" }
            .AcceptOnlyFromAmong("winner", "student", "teacher");
        var id = new Option<string?>("--id") { Description = "model id (default <preset>-<config hash>)" };
        var zip = new Option<bool>("--zip") { Description = "also write <out>.zip" };
        var noFeatures = new Option<bool>("--no-features") { Description = "leave out features_a/features_b (no activation maps)" };
        var command = new Command("export", "Export a trained run as a model package: ONNX graph written from the module tree, manifest with hash, α threshold and metrics.");
        foreach (Option o in new Option[] { checkpoint, output, which, id, zip, noFeatures }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string outDir = parse.GetRequiredValue(output);
            var manifest = RunPackageExporter.Export(parse.GetRequiredValue(checkpoint), outDir, parse.GetRequiredValue(which),
                parse.GetValue(id), parse.GetValue(zip), !parse.GetValue(noFeatures));
            long bytes = new FileInfo(Path.Combine(outDir, "model.onnx")).Length;
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote [blue]{Markup.Escape(outDir)}[/]: [bold]{Markup.Escape(manifest.ModelId)}[/] ({string.Join('+', manifest.Branches)}, {manifest.ExportedWeights}), "
                + $"{bytes / 1048576.0:F1} MiB, sha256 {manifest.OnnxSha256[..12]}…, α threshold {manifest.AlphaThreshold:F4}, outputs {string.Join(',', manifest.Outputs)}"));
        }));
        return command;
    }
}
