using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Sources;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using CaptureOptions = Npa.Capture.Configuration.CaptureOptions;

namespace Npa.Monitor.Pipeline;

/// <summary>Builds each bed's chain from Npa.Capture: the simulated camera or an OpenCV source, the bed's detector, crop and gate.</summary>
/// <param name="renderAhead">Frames a simulated camera renders ahead on the thread pool (replay: the idle cores); 0 renders on each tick.</param>
/// <param name="loggers">Where OpenCV sources log what they skip (undecodable images); none when null.</param>
public sealed class CaptureFrontEndFactory(IOptions<CaptureOptions> capture, CaptureMetrics metrics, IScheduler scheduler, int renderAhead = 0,
    ILoggerFactory? loggers = null) : IBedFrontEndFactory, IDisposable
{
    private readonly Subject<FrameGroundTruth> _groundTruth = new();
    // OpenCV keeps its thread count in native global state: set once here, before any bed's chain runs.
    private readonly int _openCvThreads = SetOpenCvThreads(capture.Value.OpenCvThreads);
    private int _disposed;

    /// <summary>What every simulated camera truly showed, frame by frame (scripted NIPS, occlusion, dropouts): for demos and end-to-end checks.</summary>
    public IObservable<FrameGroundTruth> SimulatedGroundTruth => _groundTruth.AsObservable();

    /// <summary>OpenCV's thread count after Capture:OpenCvThreads was applied (0 there leaves OpenCV's default).</summary>
    public int OpenCvThreads => _openCvThreads;

    public IBedFrontEnd Create(BedOptions bed, BedCounters counters, ModelHolder models)
    {
        ArgumentNullException.ThrowIfNull(bed);
        ArgumentNullException.ThrowIfNull(counters);
        var camera = bed.CameraForBed();
        var options = capture.Value with
        {
            AssessmentRateHz = bed.AssessmentRateHz ?? capture.Value.AssessmentRateHz,
            Detector = bed.Detector ?? capture.Value.Detector,
        };
        IFrameSource source;
        if (camera.Kind == CameraKind.Simulated)
        {
            var simulated = new SimulatedBedCamera(ScriptFor(bed), new SimulatedCameraOptions { Fps = camera.PacedFps() ?? CameraOptions.DefaultFps, RenderAhead = renderAhead }, scheduler);
            simulated.GroundTruth.Subscribe(_groundTruth.OnNext);
            source = simulated;
        }
        else
        {
            source = CameraSource.Open(camera, scheduler, new Random(), metrics, loggers?.CreateLogger<CameraSource>());
        }
        try
        {
            var frontEnd = new CaptureFrontEnd(source, options, models, scheduler, metrics, camera.PacedFps());
            counters.Link(metrics.For(bed.Id));
            return frontEnd;
        }
        catch
        {
            (source as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>The script a simulated bed plays: its <see cref="BedOptions.Script"/> file, else the built-in looping episode.</summary>
    public static BedScript ScriptFor(BedOptions bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        if (string.IsNullOrWhiteSpace(bed.Script)) return BedScript.Default(bed.Id, bed.Seed);
        var script = BedScriptJson.Load(bed.Script) with { BedId = bed.Id };
        script.Validate();
        return script;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _groundTruth.OnCompleted();
        _groundTruth.Dispose();
    }

    private static int SetOpenCvThreads(int threads)
    {
        if (threads > 0) OpenCvSharp.Cv2.SetNumThreads(threads);
        return OpenCvSharp.Cv2.GetNumThreads();
    }
}
