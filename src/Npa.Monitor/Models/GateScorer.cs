using Microsoft.Extensions.Logging;
using Npa.Capture.Cropping;
using Npa.Monitor.Inference;
using Npa.Shared.Datasets;
using OpenCvSharp;

namespace Npa.Monitor.Models;

/// <summary>
/// Scores a held-out set with model packages through the monitor's own ONNX Runtime engine and the monitor's
/// crop preprocessing (<see cref="CropPreprocessor"/>), so the gate sees what the bedside would.
/// </summary>
public static class GateScorer
{
    private const int BatchSize = 16;

    /// <summary>
    /// Each package's model id and one <see cref="GateSample"/> per entry, in order. Every image is decoded once and
    /// preprocessed per package, since the packages may ask for different input sizes.
    /// </summary>
    public static IReadOnlyList<(string ModelId, IReadOnlyList<GateSample> Samples)> Score(
        IReadOnlyList<string> packagePaths, IReadOnlyList<DatasetEntry> entries, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(packagePaths);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(loggers);
        var options = new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Cpu, MaxBatchSize = BatchSize };
        var engines = new List<InferenceEngine>(packagePaths.Count);
        try
        {
            foreach (string path in packagePaths) engines.Add(new InferenceEngine(path, options, loggers.CreateLogger<InferenceEngine>()));
            var samples = engines.Select(_ => new List<GateSample>(entries.Count)).ToArray();
            var batches = engines.Select(e => new float[BatchSize * e.Package.Manifest.Preprocessing.OutputLength]).ToArray();
            for (int start = 0; start < entries.Count; start += BatchSize)
            {
                int count = Math.Min(BatchSize, entries.Count - start);
                for (int i = 0; i < count; i++)
                {
                    string path = entries[start + i].Path;
                    using var image = Cv2.ImRead(path, ImreadModes.Color);
                    if (image.Empty()) throw new InvalidDataException($"cannot decode image {path}");
                    for (int e = 0; e < engines.Count; e++)
                    {
                        var spec = engines[e].Package.Manifest.Preprocessing;
                        CropPreprocessor.Preprocess(image, spec, batches[e].AsSpan(i * spec.OutputLength, spec.OutputLength));
                    }
                }
                for (int e = 0; e < engines.Count; e++)
                {
                    int length = engines[e].Package.Manifest.Preprocessing.OutputLength;
                    var results = engines[e].Run(batches[e].AsSpan(0, count * length), count);
                    for (int i = 0; i < count; i++) samples[e].Add(new GateSample(entries[start + i].Label, results[i].Level, results[i].ExpectedScore));
                }
            }
            return engines.Select((engine, e) => (engine.ModelId, (IReadOnlyList<GateSample>)samples[e])).ToList();
        }
        finally
        {
            foreach (var engine in engines) engine.Dispose();
        }
    }
}
