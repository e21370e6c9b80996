using Npa.Trainer.Data;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using static TorchSharp.torch;

namespace Npa.Trainer.Calibration;

/// <summary>Temperature scaling (<see cref="TemperatureScaling"/>) of the predictors through the noise model, for the relabel rule.</summary>
public sealed class NoiseAwarePosteriorCalibrator : IPosteriorCalibrator
{
    /// <inheritdoc/>
    public double FitTemperature(SiameseNetwork predictors, BatchBuilder images, IReadOnlyList<int> labels, int batchSize, Device device,
        string? fusion, IReadOnlyList<double[]> noiseModel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(noiseModel);
        var logits = LogitCollector.Run(predictors, images, [.. Enumerable.Range(0, labels.Count)], batchSize, device) with { Fusion = fusion };
        return TemperatureScaling.Fit(logits, labels, noiseModel).Temperature;
    }
}
