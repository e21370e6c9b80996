using System.CommandLine;
using System.Globalization;
using Npa.Trainer.Cam;
using Npa.Trainer.Export;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary><c>npa-train cam</c>: Grad-CAM overlay PNGs (TorchSharp autograd) of a trained run for given face images.</summary>
public static class CamCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run", "-r") { Description = "a finished training run folder", Required = true };
        var images = new Option<string[]>("--image", "-i") { Description = "face image(s) to explain", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out", "-o") { Description = "folder for <image>-gradcam.png", Required = true };
        var which = new Option<string>("--which") { Description = "winner, student or teacher", DefaultValueFactory = _ => "winner" }
            .AcceptOnlyFromAmong("winner", "student", "teacher");
        var size = new Option<int>("--size") { Description = "figure side in pixels", DefaultValueFactory = _ => 256 };
        var command = new Command("cam", "Grad-CAM overlays of a trained run's fused prediction (mean over branches), for figures.");
        foreach (Option o in new Option[] { run, images, output, which, size }) command.Options.Add(o);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            using var checkpoint = RunCheckpoint.Load(parse.GetRequiredValue(run), parse.GetRequiredValue(which));
            var spec = checkpoint.Config.Data.ToPreprocessSpec();
            string outDir = parse.GetRequiredValue(output);
            Directory.CreateDirectory(outDir);
            foreach (string image in parse.GetRequiredValue(images))
            {
                var figure = GradCamFigure.Render(checkpoint.Network, spec, image, parse.GetValue(size));
                string target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(image) + "-gradcam.png");
                File.WriteAllBytes(target, figure.Png);
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Markup.Escape(image)}: NIPS {figure.ClassIndex} (p {figure.Confidence:F2}) → [blue]{Markup.Escape(target)}[/]"));
            }
        }));
        return command;
    }
}
