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
public sealed record RunCalibration(string Split, double Ece, double? EceCalibrated, double? Temperature)
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "calibration.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>
    /// Reads <paramref name="runFolder"/>'s calibration.json, or computes and writes it when the run's best weights are
    /// there; null when neither (a run copied without its checkpoints).
    /// </summary>
    public static RunCalibration? LoadOrCompute(string runFolder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        string path = Path.Combine(runFolder, FileName);
        if (File.Exists(path)) return JsonSerializer.Deserialize<RunCalibration>(File.ReadAllText(path), Json);
        if (!Directory.Exists(Path.Combine(runFolder, "best"))) return null;
        var (report, _, split, calibration) = RunEvaluator.Evaluate(runFolder, ct: ct);
        var result = new RunCalibration(split, report.ExpectedCalibrationError, calibration?.EceAfter, calibration?.Fit.Temperature);
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true);
        return result;
    }
}
