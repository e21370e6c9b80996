using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Npa.Shared.Packaging;
using Npa.Trainer.Calibration;
using Npa.Trainer.Models;

namespace Npa.Trainer.Export;

/// <summary>
/// What FP16 weight storage does to a network's probabilities: the FP32 and the FP16 graph through ONNX Runtime on the
/// same inputs (the run's validation images, else fixed pseudo-random ones), and the largest |Δprobs| between them.
/// </summary>
public static class Fp16Check
{
    /// <summary>The most an FP16 package's probabilities may differ from its FP32 twin's.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>validation_metrics key of the measured largest |Δprobs| between the FP16 package and its FP32 twin.</summary>
    public const string MetricName = "fp16_max_abs_prob_diff";

    /// <summary>validation_metrics key of the number of samples that measure ran on.</summary>
    public const string SamplesMetricName = "fp16_check_samples";

    /// <summary>Inputs drawn when the run has no validation split.</summary>
    public const int SyntheticSamples = 32;

    /// <summary>Largest |Δprobs| and the number of samples compared.</summary>
    public static (double MaxAbsDifference, int Samples) Measure(SiameseNetwork network, ValidationSet? validation)
    {
        ArgumentNullException.ThrowIfNull(network);
        int size = network.Spec.InputSize;
        using var fp32 = Open(SiameseExport.Write(network, includeFeatures: false));
        using var fp16 = Open(SiameseExport.Write(network, includeFeatures: false, weights: WeightStorage.Fp16));
        double max = 0;
        int samples = 0;
        foreach (var (data, count) in validation?.InputBatches() ?? Synthetic(size))
        {
            float[] a = Probs(fp32, data, count, size), b = Probs(fp16, data, count, size);
            for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
            samples += count;
        }
        return (max, samples);
    }

    private static InferenceSession Open(OnnxExportResult export)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        return new InferenceSession(export.Model.ToByteArray(), options);
    }

    private static float[] Probs(InferenceSession session, float[] data, int count, int size)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(data, [count, 3, size, size]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [ModelOutputNames.Input], [input], [ModelOutputNames.Probs]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Standard-normal inputs from a fixed seed, in batches of 8 (what a normalised image roughly looks like to the net).</summary>
    private static IEnumerable<(float[] Data, int Count)> Synthetic(int size)
    {
        var random = new Random(1);
        for (int start = 0; start < SyntheticSamples; start += 8)
        {
            var data = new float[8 * 3 * size * size];
            for (int i = 0; i < data.Length; i++)
                data[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            yield return (data, 8);
        }
    }
}
