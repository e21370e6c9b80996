using System.CommandLine;
using System.Globalization;
using Npa.Shared.Packaging;
using Npa.Trainer.Bench;
using Npa.Trainer.Export.Bench;
using Npa.Trainer.Models;
using Npa.Trainer.Training.Options;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary>
/// <c>npa-train bench</c>: ms per image through ONNX Runtime and TorchSharp, achieved GFLOP/s and its share of the machine's
/// GEMM rate; with <c>--train</c>, ms per training step of the presets in TorchSharp and PyTorch side by side.
/// </summary>
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
        var train = new Option<bool>("--train") { Description = "time a full training step (forward, backward, AdamW, EMA update) of --presets instead" };
        var presets = new Option<string[]>("--presets")
        {
            // paper.json (ResNet-50 + EfficientNet-V2-S, 224 px, batch 64) takes minutes a step on a 2-core CPU: opt in.
            Description = "training presets for --train (configs/train/paper.json on request: minutes a step on a small CPU)",
            DefaultValueFactory = _ => [Path.Combine("configs", "train", "cpu-small.json")],
            AllowMultipleArgumentsPerToken = true,
        };
        var warmup = new Option<int>("--warmup") { Description = "untimed steps first (--train)", DefaultValueFactory = _ => 2 };
        var steps = new Option<int>("--steps") { Description = "timed steps per preset (--train)", DefaultValueFactory = _ => 8 };
        var python = new Option<string>("--python") { Description = "a Python with PyTorch for the reference (--train)", DefaultValueFactory = _ => "/usr/bin/python3" };
        var reference = new Option<string>("--reference")
        {
            Description = "the PyTorch reference script (--train)",
            DefaultValueFactory = _ => Path.Combine("scripts", "reference", "train_step_bench.py"),
        };
        var command = new Command("bench", "Time models through ONNX Runtime and TorchSharp eval; report GFLOP/s against this machine's FP32 GEMM rate. --train: time training steps against PyTorch.");
        foreach (Option o in new Option[] { models, batches, threads, seconds, demo, train, presets, warmup, steps, python, reference }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            int t = parse.GetValue(threads);
            if (parse.GetValue(train))
            {
                return TrainTable(parse.GetRequiredValue(presets), t, parse.GetValue(warmup), parse.GetValue(steps),
                    new PyTorchReference(parse.GetRequiredValue(python), parse.GetRequiredValue(reference), t, parse.GetValue(warmup), parse.GetValue(steps)));
            }
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

    private static int TrainTable(string[] presets, int threads, int warmup, int steps, PyTorchReference reference)
    {
        if (threads < 1 || warmup < 0 || steps < 1 || presets.Length == 0)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --threads and --steps must be ≥ 1, --warmup ≥ 0, and at least one preset given");
            return 2;
        }
        var configs = new List<TrainConfig>();
        foreach (string path in presets)
        {
            try
            {
                configs.Add(TrainConfig.Load(path));
            }
            catch (TrainConfigException e)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 2;
            }
        }
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        var bench = new TrainStepBench(threads, warmup, steps);
        var table = new Table().Title(Invariant($"training step (forward, loss, backward, AdamW, EMA), {threads} threads, {Environment.ProcessorCount} cores, {steps} timed steps after {warmup}"));
        foreach (string h in TrainColumns) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var config in configs)
        {
            // One after the other, never together: both use every thread.
            double ours = bench.MsPerStep(config);
            var (theirs, note) = reference.Run(config, TimeSpan.FromMinutes(20));
            var row = new TrainStepTiming(config.Name, Invariant($"{config.Model.BranchA}+{(config.Model.IsSiamese ? config.Model.BranchB : "-")} @{config.Data.ImageSize}"),
                config.Optim.BatchSize, ours, theirs, note);
            table.AddRow(row.Preset, row.Network, Invariant($"{row.Batch}"), Invariant($"{row.TorchSharpMsPerStep:F0}"),
                row.PyTorch is double p ? Invariant($"{p:F0}") : "-", row.Ratio is double r ? Invariant($"{r:F2}×") : "-",
                Invariant($"{1000.0 * row.Batch / row.TorchSharpMsPerStep:F1}"), Markup.Escape(row.PyTorchNote));
        }
        AnsiConsole.Write(table);
        return 0;
    }

    private static readonly string[] TrainColumns = ["preset", "network", "batch", "TorchSharp ms/step", "PyTorch ms/step", "ratio", "TorchSharp img/s", "reference"];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
