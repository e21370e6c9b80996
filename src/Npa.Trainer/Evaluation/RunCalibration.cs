using System.Text.Json;

namespace Npa.Trainer.Evaluation;

/// <summary>
/// A finished run's calibration on its evaluated split (test, else validation): ECE at T = 1 and at the temperature fitted
/// on the selection split, as <c>npa-train eval</c> reports it. Kept in the run folder as <c>calibration.json</c>, so a
/// report needs the run's weights and images only once.
/// </summary>
/// <param name="Split">The evaluated split.</param>
/// <param name="Ece">ECE of the fused top-class confidence at T = 1.</param>
/// <param name="EceCalibrated">ECE at the fitted temperature (null when the run has no selection split to fit on).</param>
/// <param name="Temperature">The fitted temperature, or null.</param>
/// <param name="EceNoiseAware">ECE at the temperature fitted through the assumed noise model (model.temperature_fit =
/// noise_aware), or null when the run assumes no noise or the file predates it.</param>
/// <param name="TemperatureNoiseAware">That temperature, or null.</param>
public sealed record RunCalibration(string Split, double Ece, double? EceCalibrated, double? Temperature,
    double? EceNoiseAware = null, double? TemperatureNoiseAware = null)
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "calibration.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>
    /// Reads <paramref name="runFolder"/>'s calibration.json, or computes and writes it when the run's best weights are
    /// there; null when neither (a run copied without its checkpoints). The temperature is fitted both on the labels as
    /// given and, where the run assumes label noise, through the noise model; a file from before the second fit is
    /// completed when the weights are there.
    /// </summary>
    public static RunCalibration? LoadOrCompute(string runFolder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        string path = Path.Combine(runFolder, FileName);
        bool hasWeights = Directory.Exists(Path.Combine(runFolder, "best"));
        RunCalibration? saved = File.Exists(path) ? JsonSerializer.Deserialize<RunCalibration>(File.ReadAllText(path), Json) : null;
        bool assumesNoise = hasWeights && Training.RunFolder.LoadFinished(runFolder).Config.Data.EffectiveNoiseRate > 0;
        if (saved is not null && (saved.EceNoiseAware is not null || !assumesNoise)) return saved;
        if (!hasWeights) return saved;
        var noiseAware = assumesNoise
            ? RunEvaluator.Evaluate(runFolder, temperatureFit: Training.Options.ModelOptions.NoiseAwareTemperatureFit, ct: ct)
            : default;
        RunCalibration result;
        if (saved is not null)
        {
            // An older file: its fit on the labels stands; only the noise-aware one is added.
            result = saved with { EceNoiseAware = noiseAware.Calibration?.EceAfter, TemperatureNoiseAware = noiseAware.Calibration?.Fit.Temperature };
        }
        else
        {
            var (report, _, split, calibration) = RunEvaluator.Evaluate(runFolder, temperatureFit: "labels", ct: ct);
            result = new RunCalibration(split, report.ExpectedCalibrationError, calibration?.EceAfter, calibration?.Fit.Temperature,
                noiseAware.Calibration?.EceAfter, noiseAware.Calibration?.Fit.Temperature);
        }
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true);
        return result;
    }
}
