using System.CommandLine;
using System.Globalization;
using Npa.Shared.Packaging;
using Npa.Trainer.Calibration;
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
        var weights = new Option<string>("--weights") { Description = "how conv/gemm weights are stored: fp32, or fp16 (half the file; ONNX Runtime casts them to fp32 at load)", DefaultValueFactory = _ => "fp32" }
            .AcceptOnlyFromAmong("fp32", "fp16");
        var temperature = new Option<string>("--temperature")
        {
            Description = "calibration temperature: fit (on the run's validation split, labels as given), none (1), or a number",
            DefaultValueFactory = _ => "fit",
        };
        var command = new Command("export", "Export a trained run as a model package: ONNX graph written from the module tree, manifest with hash, α threshold, temperature and metrics.");
        foreach (Option o in new Option[] { checkpoint, output, which, id, zip, noFeatures, weights, temperature }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string outDir = parse.GetRequiredValue(output);
            var options = new RunExportOptions
            {
                Which = parse.GetRequiredValue(which),
                ModelId = parse.GetValue(id),
                Zip = parse.GetValue(zip),
                IncludeFeatures = !parse.GetValue(noFeatures),
                Weights = parse.GetRequiredValue(weights) == "fp16" ? WeightStorage.Fp16 : WeightStorage.Fp32,
                Temperature = ParseTemperature(parse.GetRequiredValue(temperature)),
            };
            var manifest = RunPackageExporter.Export(parse.GetRequiredValue(checkpoint), outDir, options);
            long bytes = new FileInfo(Path.Combine(outDir, ModelPackageFiles.Onnx)).Length;
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote [blue]{Markup.Escape(outDir)}[/]: [bold]{Markup.Escape(manifest.ModelId)}[/] ({string.Join('+', manifest.Branches)}, {manifest.ExportedWeights}), "
                + $"{bytes / 1048576.0:F1} MiB ({(manifest.WeightStorage == WeightStorage.Fp16 ? "fp16" : "fp32")} weights), sha256 {manifest.OnnxSha256[..12]}…, "
                + $"α threshold {manifest.AlphaThreshold:F4}, outputs {string.Join(',', manifest.Outputs)}"));
            AnsiConsole.MarkupLine(Markup.Escape(Describe(manifest, options.Temperature is null)));
            if (manifest.ValidationMetrics.TryGetValue(Fp16Check.MetricName, out double fp16))
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"fp16 weights vs fp32: max |Δprobs| {fp16:E2} on {manifest.ValidationMetrics[Fp16Check.SamplesMetricName]:F0} samples (tolerance {Fp16Check.Tolerance:E0})"));
        }));
        return command;
    }

    /// <summary>"fit" → null (fit at export), "none" → 1, else a number within the manifest's bounds.</summary>
    public static double? ParseTemperature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "fit") return null;
        if (text == "none") return 1;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double t)
            && t is >= ModelManifest.MinTemperature and <= ModelManifest.MaxTemperature) return t;
        throw new ArgumentException($"--temperature must be fit, none or a number in [{ModelManifest.MinTemperature}, {ModelManifest.MaxTemperature}], got '{text}'");
    }

    private static string Describe(ModelManifest manifest, bool fitAsked) => manifest.Calibration is { } c
        ? string.Create(CultureInfo.InvariantCulture,
            $"temperature {manifest.Temperature:F4}{(TemperatureScaling.IsAtSearchBound(manifest.Temperature) ? " (at the search bound)" : "")}, "
            + $"fitted on {c.Samples} {c.Split} samples ({(c.Method is null ? "labels as given" : "labels through the assumed noise model")}): ECE {c.EceBefore:F4} → {c.EceAfter:F4}, NLL {c.NllBefore:F4} → {c.NllAfter:F4}")
        : fitAsked ? "temperature 1: the run has no validation split to fit it on"
        : string.Create(CultureInfo.InvariantCulture, $"temperature {manifest.Temperature:F4} (as given, not fitted)");
}
