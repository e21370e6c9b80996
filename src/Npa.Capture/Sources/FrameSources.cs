using System.Reactive.Concurrency;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Simulation.Camera;

namespace Npa.Capture.Sources;

/// <summary>Creates a bed's <see cref="IFrameSource"/> from its <see cref="CameraOptions"/>; the caller owns (disposes) the source.</summary>
public static class FrameSources
{
    /// <summary>
    /// OpenCV-backed <see cref="CameraSource"/> for devices, streams, files and folders; the simulated camera for
    /// <see cref="CameraKind.Simulated"/> (Target: an optional bed-script JSON file, else the default pain-episode script;
    /// Fps defaults to 10; Loop is taken from the script).
    /// </summary>
    public static IFrameSource Create(CameraOptions options, IScheduler scheduler, Random random, CaptureMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        if (options.Kind != CameraKind.Simulated)
        {
            return CameraSource.Open(options, scheduler, random, metrics);
        }

        BedScript script = string.IsNullOrWhiteSpace(options.Target)
            ? BedScript.Default(options.BedId)
            : BedScriptJson.Load(options.Target) with { BedId = options.BedId };
        var camera = new SimulatedCameraOptions { Fps = options.PacedFps() ?? CameraOptions.DefaultFps };
        camera.Validate();
        return new SimulatedBedCamera(script, camera, scheduler);
    }
}
