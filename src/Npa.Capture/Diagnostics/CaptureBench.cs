using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Capture.Diagnostics;

/// <summary>
/// Times each capture stage (decode, detect, crop, quality, preprocess) per detector on one scene through the real Rx
/// stages and their <c>Npa.Capture</c> metrics, and prints a table of median and p95 milliseconds per frame.
/// </summary>
public static class CaptureBench
{
    private static readonly string[] Stages = ["decode", "detect", "crop", "quality", "preprocess"];

    /// <summary>Runs the bench for BlazeFace, Haar and fixed ROI; returns one row per detector (also printed to <paramref name="output"/>).</summary>
    public static IReadOnlyList<CaptureBenchRow> Run(TextWriter output, CaptureBenchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CaptureBenchOptions();
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException("capture bench: " + string.Join(" ", problems), nameof(options));
        }

        byte[] jpeg = EncodeScene(options);
        var rows = new List<CaptureBenchRow>();
        (string Name, Func<IFaceDetector> Create)[] detectors =
        [
            ("blazeface", () => new BlazeFaceDetector(new BlazeFaceOptions { ModelPath = options.BlazeFaceModelPath })),
            ("haar", () => new HaarFaceDetector(new HaarOptions())),
            ("roi", () => new FixedRoiDetector(new RoiOptions())),
        ];
        foreach ((string name, Func<IFaceDetector> create) in detectors)
        {
            using IFaceDetector detector = create();
            rows.Add(RunOne(name, detector, jpeg, options));
        }

        Print(output, rows, options);
        return rows;
    }

    private static CaptureBenchRow RunOne(string name, IFaceDetector detector, byte[] jpeg, CaptureBenchOptions options)
    {
        using var metrics = new CaptureMetrics();
        using var recorder = new StageRecorder(metrics);
        PreprocessSpec spec = PreprocessSpec.ImageNet;
        float[] chw = new float[spec.OutputLength];
        int faces = 0;
        var tracker = new FaceTracker(new TrackerOptions());
        IObservable<Frame> frames = Observable.Create<Frame>(observer =>
        {
            for (int i = 1; i <= options.WarmupFrames + options.Frames; i++)
            {
                if (i == options.WarmupFrames + 1)
                {
                    recorder.Clear();
                    faces = 0;
                }

                long start = Stopwatch.GetTimestamp();
                Mat image = Cv2.ImDecode(jpeg, ImreadModes.Color);
                metrics.RecordStage(CaptureStage.Decode, name, Stopwatch.GetElapsedTime(start));
                observer.OnNext(new Frame(name, i, DateTimeOffset.UtcNow, image));
            }

            observer.OnCompleted();
            return () => { };
        });

        frames.DetectFaces(detector, tracker, metrics)
            .CropFaces(new CropSpec(), metrics)
            .GateQuality(new QualityRules { MinSharpness = 0, MinDetectorScore = 0 }, null, metrics)
            .Subscribe(crop =>
            {
                using (crop)
                {
                    faces++;
                    CropPreprocessor.Preprocess(crop.Image, spec, chw, metrics, name);
                }
            });

        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        var p95 = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string stage in Stages)
        {
            double[] samples = recorder.Samples(stage).Order().ToArray();
            medians[stage] = Percentile(samples, 0.5);
            p95[stage] = Percentile(samples, 0.95);
        }

        return new CaptureBenchRow(name, options.Frames, faces, medians, p95);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static byte[] EncodeScene(CaptureBenchOptions options)
    {
        using Mat scene = options.ScenePath is { } path ? LoadScene(path, options) : RenderScene(options);
        Cv2.ImEncode(".jpg", scene, out byte[] jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        return jpeg;
    }

    /// <summary>A frame of the simulated neonate camera (default script, seed 1) at the bench size.</summary>
    private static Mat RenderScene(CaptureBenchOptions options)
    {
        using var timeline = new BedTimeline(BedScript.Default("bench"), new SimulatedCameraOptions { Width = options.Width, Height = options.Height });
        using RenderedFace rendered = timeline.Render(0);
        return rendered.DetachImage();
    }

    private static Mat LoadScene(string path, CaptureBenchOptions options)
    {
        using Mat photo = Cv2.ImRead(path, ImreadModes.Color);
        if (photo.Empty())
        {
            throw new InvalidDataException($"capture bench: '{path}' could not be decoded as an image");
        }

        // Fit the photo inside the frame on a grey background, so that faces keep their shape.
        var scene = new Mat(options.Height, options.Width, MatType.CV_8UC3, Scalar.All(90));
        double scale = Math.Min((double)options.Width / photo.Width, (double)options.Height / photo.Height);
        var size = new Size((int)(photo.Width * scale), (int)(photo.Height * scale));
        using var resized = new Mat();
        Cv2.Resize(photo, resized, size, 0, 0, InterpolationFlags.Area);
        using var window = new Mat(scene, new Rect((options.Width - size.Width) / 2, (options.Height - size.Height) / 2, size.Width, size.Height));
        resized.CopyTo(window);
        return scene;
    }

    private static void Print(TextWriter output, List<CaptureBenchRow> rows, CaptureBenchOptions options)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"capture bench: {options.Width}x{options.Height} {(options.ScenePath is null ? "simulated neonate" : Path.GetFileName(options.ScenePath))}, {options.Frames} frames per detector after {options.WarmupFrames} warm-up, ms per frame (median / p95); OpenCV threads {Cv2.GetNumThreads()}, {Environment.ProcessorCount} cores"));
        output.WriteLine("| detector | faces | decode | detect | crop | quality | preprocess | total (sum of medians) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (CaptureBenchRow row in rows)
        {
            string cells = string.Join(" | ", Stages.Select(s => string.Format(c, "{0:F2} / {1:F2}", row.MedianMs[s], row.P95Ms[s])));
            output.WriteLine(string.Create(c, $"| {row.Detector} | {row.FacesFound}/{row.Frames} | {cells} | {row.TotalMedianMs:F2} |"));
        }
    }
}
