using Npa.Trainer.Models;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Calibration;

/// <summary>Fits the calibration temperature of a run's network on the run's validation split (labels as given).</summary>
public static class ValidationCalibrator
{
    /// <summary>
    /// Predicts the validation rows of <paramref name="runFolder"/>/data.csv once and fits T on them against their
    /// <c>label</c> column (never <c>clean_label</c>: calibration must not use knowledge a user does not have).
    /// Null when the run has no data.csv or no validation rows.
    /// </summary>
    public static TemperatureFit? Fit(SiameseNetwork network, string runFolder, TrainConfig config, int classCount, CancellationToken ct = default)
    {
        var validation = ValidationSet.Load(runFolder, config, classCount, ct);
        return validation is null ? null : Fit(network, validation);
    }

    /// <summary>Fits T on an already loaded validation split.</summary>
    public static TemperatureFit Fit(SiameseNetwork network, ValidationSet validation)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(validation);
        return TemperatureScaling.Fit(validation.Predict(network), validation.Labels, validation.NoiseModel);
    }
}
