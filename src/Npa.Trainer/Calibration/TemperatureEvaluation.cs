using Npa.Trainer.Models;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Calibration;

/// <summary>What the run's validation-fitted temperature does to the ECE of an evaluated split.</summary>
/// <param name="Fit">The temperature and its fit on the validation split.</param>
/// <param name="EceBefore">ECE of the evaluated split at T = 1.</param>
/// <param name="EceAfter">ECE of the evaluated split at the fitted T.</param>
public sealed record TemperatureEvaluation(TemperatureFit Fit, double EceBefore, double EceAfter)
{
    /// <summary>
    /// Fits T on <paramref name="runFolder"/>'s validation split and scores <paramref name="logits"/> against
    /// <paramref name="truth"/> with and without it; null when the run has no validation split.
    /// </summary>
    public static TemperatureEvaluation? Of(SiameseNetwork network, string runFolder, TrainConfig config, int classCount,
        NetworkLogits logits, IReadOnlyList<int> truth, CancellationToken ct = default)
    {
        var fit = ValidationCalibrator.Fit(network, runFolder, config, classCount, ct);
        return fit is null ? null
            : new TemperatureEvaluation(fit, TemperatureScaling.Ece(logits, truth, 1), TemperatureScaling.Ece(logits, truth, fit.Temperature));
    }
}
