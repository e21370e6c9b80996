using Npa.Trainer.Data;
using Npa.Trainer.Models;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// Fits the temperature of the predictors whose probabilities drive the noise-posterior relabel rule, on the validation
/// images and their labels as given, through the assumed noise model; so that the rule's posterior bar means what it
/// says. Implemented by the Calibration folder, which owns temperature scaling.
/// </summary>
public interface IPosteriorCalibrator
{
    /// <summary>The temperature T for softmax(α·logits / T) of <paramref name="predictors"/>.</summary>
    double FitTemperature(SiameseNetwork predictors, BatchBuilder images, IReadOnlyList<int> labels, int batchSize, Device device,
        string? fusion, IReadOnlyList<double[]> noiseModel);
}
