using Microsoft.Extensions.Logging;
using Npa.Capture.Cropping;
using Npa.Monitor.Inference;
using Npa.Shared.Datasets;
using OpenCvSharp;

namespace Npa.Monitor.Models;

/// <summary>
/// Scores a held-out set with one model package through the monitor's own ONNX Runtime engine and the monitor's
/// crop preprocessing (<see cref="CropPreprocessor"/>), so the gate sees what the bedside would.
/// </summary>
public static class GateScorer
{
    /// <summary>The package's model id and one <see cref="GateSample"/> per entry, in order.</summary>
    public static (string ModelId, IReadOnlyList<GateSample> Samples) Score(string packagePath, IReadOnlyList<DatasetEntry> entries, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(loggers);
        var options = new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Cpu, MaxBatchSize = 16 };
        using var engine = new InferenceEngine(packagePath, options, loggers.CreateLogger<InferenceEngine>());
        var spec = engine.Package.Manifest.Preprocessing;
        int length = spec.OutputLength;
        var samples = new List<GateSample>(entries.Count);
        var batch = new float[options.MaxBatchSize * length];
        for (int start = 0; start < entries.Count; start += options.MaxBatchSize)
        {
            int count = Math.Min(options.MaxBatchSize, entries.Count - start);
            for (int i = 0; i < count; i++)
            {
                string path = entries[start + i].Path;
                using var image = Cv2.ImRead(path, ImreadModes.Color);
                if (image.Empty()) throw new InvalidDataException($"cannot decode image {path}");
                CropPreprocessor.Preprocess(image, spec, batch.AsSpan(i * length, length));
            }
            var results = engine.Run(batch.AsSpan(0, count * length), count);
            for (int i = 0; i < count; i++) samples.Add(new GateSample(entries[start + i].Label, results[i].Level, results[i].ExpectedScore));
        }
        return (engine.ModelId, samples);
    }
}
