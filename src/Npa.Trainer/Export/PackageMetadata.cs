using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;

namespace Npa.Trainer.Export;

/// <summary>What a model package records besides the graph (ARCHITECTURE.md, "Model package").</summary>
/// <param name="ModelId">Package id (letters, digits, '.', '_', '-').</param>
/// <param name="Preprocessing">How crops become input; its crop size must equal the network's input size.</param>
/// <param name="ExportedWeights">Whether the students or the EMA teachers are exported.</param>
/// <param name="AlphaThreshold">Fused α separating groups H and L on the training set.</param>
/// <param name="TrainingConfigHash">Hash of the training configuration.</param>
/// <param name="ValidationMetrics">Validation (and test) metrics by name.</param>
public sealed record PackageMetadata(
    string ModelId,
    PreprocessSpec Preprocessing,
    ExportedWeights ExportedWeights,
    double AlphaThreshold,
    string TrainingConfigHash,
    IReadOnlyDictionary<string, double> ValidationMetrics)
{
    /// <summary>Suggested flagging rules; the manifest defaults unless set.</summary>
    public FlaggingDefaults Flagging { get; init; } = new();

    /// <summary>How model.onnx stores Conv and Gemm weights and biases (FP32 unless asked).</summary>
    public WeightStorage Weights { get; init; } = WeightStorage.Fp32;

    /// <summary>Calibration temperature the Monitor applies (1: none).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>The branches' fusion rule for the manifest (<c>model.fusion</c>); null: the mean, left out of the manifest.</summary>
    public string? Fusion { get; init; }

    /// <summary>How <see cref="Temperature"/> was fitted; null when it was not.</summary>
    public TemperatureCalibration? Calibration { get; init; }

    /// <summary>The run folder the weights come from (recorded as the manifest's <c>training_run</c>).</summary>
    public string? TrainingRun { get; init; }

    /// <summary>Shown with the model's output.</summary>
    public string IntendedUse { get; init; } =
        "Decision support for neonatal pain assessment (NIPS 0-7) by trained staff; not a diagnosis and not a replacement for clinical judgement.";
}
