using System.CommandLine;
using Npa.Capture.Diagnostics;

namespace Npa.Monitor.Cli;

/// <summary><c>npa-monitor bench-capture</c>: per-stage milliseconds of the capture pipeline for each face detector.</summary>
public static class BenchCaptureCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var frames = new Option<int>("--frames") { Description = "Frames timed per detector.", DefaultValueFactory = _ => 200 };
        var scene = new Option<string?>("--scene") { Description = "Image to time on (default: a simulated neonate at 640x480)." };
        var command = new Command("bench-capture", "Time decode, detect, crop, quality and preprocess at 640x480 for BlazeFace, Haar and fixed ROI.") { frames, scene };
        command.SetAction(result =>
        {
            var options = new CaptureBenchOptions { Frames = result.GetValue(frames), ScenePath = result.GetValue(scene) };
            var problems = options.Validate().ToList();
            if (problems.Count > 0)
            {
                foreach (var problem in problems) Console.Error.WriteLine($"npa-monitor bench-capture: {problem}");
                return 2;
            }
            CaptureBench.Run(Console.Out, options);
            return 0;
        });
        return command;
    }
}
