using System.CommandLine;
using System.Globalization;
using Npa.Shared.Packaging;
using Npa.Trainer.Export.Bench;
using Npa.Trainer.Models;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train bench</c>: ms per image through ONNX Runtime and TorchSharp, achieved GFLOP/s and its share of the machine's GEMM rate.</summary>
public static class BenchCommand
{
    private static readonly string[] Columns = ["model", "input", "GMAC/img", "batch", "ORT ms/img", "TorchSharp ms/img", "ORT GFLOP/s", "ORT / GEMM", "TorchSharp GFLOP/s"];

    public static Command Create()
    {
        var models = new Option<string[]>("--models", "-m")
        {
            Description = "models to time: demo (the package in --demo, skipped when absent), paper, cpu-small",
            DefaultValueFactory = _ => ["demo", "paper", "cpu-small"],
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong("demo", "paper", "cpu-small");
        var batches = new Option<int[]>("--batches", "-b") { Description = "batch sizes", DefaultValueFactory = _ => [1, 4, 8], AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads", "-t") { Description = "threads for ONNX Runtime and TorchSharp", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seconds = new Option<double>("--seconds") { Description = "minimum timed seconds per cell", DefaultValueFactory = _ => 1.0 };
        var demo = new Option<string>("--demo") { Description = "demo model package folder", DefaultValueFactory = _ => Path.Combine("models", "demo") };
        var command = new Command("bench", "Time models through ONNX Runtime and TorchSharp eval; report GFLOP/s against this machine's FP32 GEMM rate.");
        foreach (Option o in new Option[] { models, batches, threads, seconds, demo }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int t = parse.GetValue(threads);
            int[] sizes = parse.GetRequiredValue(batches);
            if (t < 1 || sizes.Length == 0 || sizes.Any(b => b is < 1 or > 256))
            {
                AnsiConsole.MarkupLine("[red]error:[/] --threads must be ≥ 1 and every --batches value 1..256");
                return 2;
            }
            var list = new List<BenchModel>();
            foreach (string name in parse.GetRequiredValue(models).Distinct(StringComparer.Ordinal))
            {
                if (name != "demo") { list.Add(name == "paper" ? BenchModel.Paper : BenchModel.CpuSmall); continue; }
                string dir = parse.GetRequiredValue(demo);
                if (!File.Exists(Path.Combine(dir, ModelPackageFiles.Manifest))) { AnsiConsole.MarkupLine($"demo: no package in {Markup.Escape(dir)}, skipped"); continue; }
                var manifest = ModelManifestJson.Read(Path.Combine(dir, ModelPackageFiles.Manifest));
                var spec = new NetworkSpec(manifest.Branches[0], manifest.Branches.Count > 1 ? manifest.Branches[1] : null, manifest.Classes.Count, InputSize: manifest.InputSize[1]);
                list.Add(new BenchModel("demo", spec, Path.Combine(dir, ModelPackageFiles.Onnx)));
            }

            // A piped table would otherwise wrap to 80 columns.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
            double gemm = GemmRateProbe.Measure(t);
            AnsiConsole.MarkupLine(Invariant($"FP32 GEMM through ONNX Runtime (2048×2048 MatMul, {t} threads): [bold]{gemm:F0} GFLOP/s[/]"));
            var table = new Table().Title(Invariant($"inference, {t} threads, {Environment.ProcessorCount} cores"));
            foreach (string h in Columns)
                table.AddColumn(new TableColumn(h).RightAligned());
            var bench = new InferenceBench(t, parse.GetValue(seconds));
            foreach (var model in list)
            {
                foreach (var row in bench.Run(model, sizes))
                {
                    table.AddRow(model.Label, Invariant($"{model.Spec.BranchA}+{model.Spec.BranchB ?? "-"} @{model.Spec.InputSize}"),
                        Invariant($"{row.GigaMacs:F3}"), Invariant($"{row.Batch}"), Invariant($"{row.OrtMsPerImage:F2}"), Invariant($"{row.TorchMsPerImage:F2}"),
                        Invariant($"{row.OrtGflops:F0}"), Invariant($"{row.OrtGflops / gemm:P0}"), Invariant($"{row.TorchGflops:F0}"));
                }
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
