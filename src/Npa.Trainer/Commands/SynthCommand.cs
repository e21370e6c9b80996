using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npa.Capture.Simulation;
using Npa.Shared.Nips;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train synth</c>: writes a synthetic neonatal pain dataset, or with <c>--detect-report</c> prints Haar detection rates on rendered faces.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Output folder for images/, manifest.csv, summary.md and contact-sheet.png" };
        var count = new Option<int>("--count", "-n") { Description = "Number of images", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same set", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Side of the square face crops in pixels", DefaultValueFactory = _ => 128 };
        var distribution = new Option<string>("--distribution") { Description = $"Class distribution: uniform, paper (Table I: {ClassDistribution.PaperTable1}) or class:weight pairs", DefaultValueFactory = _ => "uniform" };
        var perSubject = new Option<int>("--per-subject") { Description = "Images per subject (splits are by subject)", DefaultValueFactory = _ => 8 };
        var trainFraction = new Option<double>("--train-fraction") { Description = "Training share; the rest is the test split", DefaultValueFactory = _ => 0.7 };
        var occlusion = new Option<double>("--occlusion-rate") { Description = "Share of images with an occlusion (mask, cannula, tape, pacifier, hand, frame exit)", DefaultValueFactory = _ => 0.15 };
        var noise = new Option<LabelNoiseMode>("--noise") { Description = "Label noise: Paper (Eq. 9), Symmetric, Occlusion (correlated) or None", DefaultValueFactory = _ => LabelNoiseMode.Paper };
        var noiseFraction = new Option<double>("--noise-fraction") { Description = "Noise rate (per class for Paper; on unoccluded images for Occlusion)", DefaultValueFactory = _ => 0.10 };
        var occludedNoise = new Option<double>("--occluded-noise-rate") { Description = "Noise rate on occluded images for --noise Occlusion", DefaultValueFactory = _ => 0.30 };
        var noisyTest = new Option<bool>("--noisy-test") { Description = "Corrupt the test split's labels too" };
        var sheetColumns = new Option<int>("--sheet-columns") { Description = "Images per class row of the contact sheet", DefaultValueFactory = _ => 10 };
        var render = new Option<SyntheticRender>("--render")
        {
            Description = "FaceCrop: cut around the true face box; CameraFrame: render 640x480 camera frames and cut them with the monitor's own " +
                "capture chain (BlazeFace, tracker, square crop, quality gate), so training sees what the bedside serves",
            DefaultValueFactory = _ => SyntheticRender.FaceCrop,
        };
        var detect = new Option<bool>("--detect-report") { Description = "Instead of a dataset, print Haar detection rates by group on 640x480 renders" };
        var frames = new Option<int>("--frames") { Description = "Unoccluded frames for --detect-report", DefaultValueFactory = _ => 240 };
        var minNeighbors = new Option<int>("--min-neighbors") { Description = "Haar minNeighbors for --detect-report", DefaultValueFactory = _ => 4 };
        var cascade = new Option<FileInfo?>("--cascade") { Description = "Haar cascade for --detect-report (default: Debian opencv-data's frontalface_default)" };

        var command = new Command("synth", "Render a synthetic neonatal pain dataset (images, manifest CSV, Table-I summary, contact sheet)")
        {
            output, count, seed, size, distribution, perSubject, trainFraction, occlusion, noise, noiseFraction, occludedNoise, noisyTest, sheetColumns, render,
            detect, frames, minNeighbors, cascade,
        };
        command.SetAction((parse, ct) =>
        {
            try
            {
                if (parse.GetValue(detect))
                {
                    var bench = new DetectabilityOptions { FrontalFrames = parse.GetValue(frames), OccludedFrames = 60, Seed = parse.GetValue(seed), MinNeighbors = parse.GetValue(minNeighbors) };
                    if (parse.GetValue(cascade) is { } file) bench = bench with { CascadePath = file.FullName };
                    return Task.FromResult(DetectReport(bench));
                }
                var dir = parse.GetValue(output) ?? throw new ArgumentException("--out is required: the folder to write the dataset into");
                var options = new SyntheticDatasetOptions
                {
                    OutputDirectory = dir.FullName,
                    Count = parse.GetValue(count),
                    Seed = parse.GetValue(seed),
                    ImageSize = parse.GetValue(size),
                    Distribution = ClassDistribution.Parse(parse.GetValue(distribution) ?? "uniform"),
                    ImagesPerSubject = parse.GetValue(perSubject),
                    TrainFraction = parse.GetValue(trainFraction),
                    OcclusionRate = parse.GetValue(occlusion),
                    Noise = parse.GetValue(noise),
                    NoiseFraction = parse.GetValue(noiseFraction),
                    OccludedNoiseRate = parse.GetValue(occludedNoise),
                    NoisyTestSplit = parse.GetValue(noisyTest),
                    ContactSheetColumns = parse.GetValue(sheetColumns),
                    Render = parse.GetValue(render),
                };
                if (options.Render == SyntheticRender.CameraFrame) options = options with { ImageSize = options.Capture.Crop.OutputSize };
                return Task.FromResult(Generate(options, ct));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or IOException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]npa-train synth: {e.Message}[/]");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static int Generate(SyntheticDatasetOptions options, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        SyntheticDatasetResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"rendering {options.Count} images", maxValue: options.Count);
                result = SyntheticDatasetGenerator.Generate(options, new TaskProgress(task), ct);
            });
        clock.Stop();
        var summary = result!.Summary;
        var table = new Table().Title("Synthetic set (like the paper's Table I)")
            .AddColumns("NIPS", "band", "train", "test", "total", "noisy labels", "occluded");
        for (int c = 0; c < NipsScale.ClassCount; c++)
            table.AddRow(C(c), NipsScale.WireName(NipsScale.CategoryOf(c)), C(summary.Train[c]), C(summary.Test[c]), C(summary.Train[c] + summary.Test[c]), C(summary.Noisy[c]), C(summary.Occluded[c]));
        table.AddRow("all", "", C(summary.Train.Sum()), C(summary.Test.Sum()), C(summary.Train.Sum() + summary.Test.Sum()), C(summary.Noisy.Sum()), C(summary.Occluded.Sum()));
        AnsiConsole.Write(table);
        if (result.Refused.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"refused by the capture chain and left out: {string.Join(", ", result.Refused.Select(r => $"{r.Key} {r.Value}"))}");
        AnsiConsole.MarkupLineInterpolated($"{options.Count} images in {clock.Elapsed.TotalSeconds:F1} s ({options.Count / clock.Elapsed.TotalSeconds:F0} images/s on {Environment.ProcessorCount} cores)");
        AnsiConsole.MarkupLineInterpolated($"manifest: {result.ManifestPath}\nsummary:  {result.SummaryPath}\nsheet:    {result.ContactSheetPath}");
        return 0;
    }

    private static int DetectReport(DetectabilityOptions options)
    {
        var clock = Stopwatch.StartNew();
        var frames = HaarDetectabilityBench.Run(options);
        AnsiConsole.WriteLine($"Haar ({Path.GetFileName(options.CascadePath)}, minNeighbors {options.MinNeighbors}) on {options.Width}x{options.Height} renders, hit = IoU >= {HaarDetectabilityBench.HitIoU}:");
        AnsiConsole.WriteLine(HaarDetectabilityBench.FormatTable(HaarDetectabilityBench.Summarize(frames)));
        AnsiConsole.WriteLine($"{frames.Count} frames in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static string C(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Increment(value);
    }
}
