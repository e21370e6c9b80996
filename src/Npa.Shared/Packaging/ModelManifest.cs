using System.Text.Json.Serialization;
using Npa.Shared.Preprocessing;

namespace Npa.Shared.Packaging;

/// <summary>
/// <c>model.json</c>, the manifest of a model package (a folder or .zip with <c>model.onnx</c> beside it). The Monitor
/// refuses a package whose manifest does not validate or whose ONNX hash or outputs disagree with it.
/// </summary>
public sealed partial record ModelManifest
{
    /// <summary>The schema this code reads and writes.</summary>
    public const string SchemaVersion = "npa.model/1";

    /// <summary>Smallest temperature a manifest may carry.</summary>
    public const double MinTemperature = 0.01;

    /// <summary>Largest temperature a manifest may carry.</summary>
    public const double MaxTemperature = 100;

    /// <summary>Schema version, <c>npa.model/1</c>.</summary>
    public string Schema { get; init; } = SchemaVersion;

    /// <summary>Unique id of the package (letters, digits, '.', '_', '-'); reported with every assessment.</summary>
    public required string ModelId { get; init; }

    /// <summary>When the package was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Output classes, index 0..C-1 in order, with their NIPS meaning.</summary>
    public required IReadOnlyList<ModelClass> Classes { get; init; }

    /// <summary>Input size [3, H, W] of one image.</summary>
    public required IReadOnlyList<int> InputSize { get; init; }

    /// <summary>How frames become input; H and W equal its crop size.</summary>
    public required PreprocessSpec Preprocessing { get; init; }

    /// <summary>Backbone of each branch, in output order (a, b), e.g. <c>resnet50</c>, <c>efficientnet_v2_s</c>; one for ablations.</summary>
    public required IReadOnlyList<string> Branches { get; init; }

    /// <summary>ONNX output names (see <see cref="ModelOutputNames"/>).</summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>Whether the students or the EMA teachers were exported.</summary>
    public required ExportedWeights ExportedWeights { get; init; }

    /// <summary>The fused α that separated groups H and L in training (0..1), for judging live α values.</summary>
    public required double AlphaThreshold { get; init; }

    /// <summary>Suggested flagging rules.</summary>
    public required FlaggingDefaults Flagging { get; init; }

    /// <summary>Hash of the training configuration that produced the package.</summary>
    public required string TrainingConfigHash { get; init; }

    /// <summary>Validation metrics by name (accuracy, macro_f1, mae, ece, …).</summary>
    public required IReadOnlyDictionary<string, double> ValidationMetrics { get; init; }

    /// <summary>SHA-256 of <c>model.onnx</c>, 64 lowercase hex digits.</summary>
    public required string OnnxSha256 { get; init; }

    /// <summary>
    /// Temperature T of calibrated confidence: each branch's probabilities are softmax(α·logits / T) and the fused
    /// prediction is their mean (see <see cref="PredictionRule"/>). 1 (the default, and what older packages mean) leaves
    /// the graph's <c>probs</c> as they are.
    /// </summary>
    [JsonIgnore]
    public double Temperature { get; init; } = 1;

    /// <summary>
    /// <see cref="Temperature"/> on the wire. The source-generated reader assigns every init-only property, absent or not,
    /// so a plain double would read an absent <c>temperature</c> (every older package) as 0; null here means 1.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("temperature")]
    internal double? TemperatureOnWire
    {
        get => Temperature;
        init => Temperature = value ?? 1;
    }

    /// <summary>
    /// How the branches' probabilities are fused (<see cref="FusionRule"/>): <c>mean</c>, <c>alpha_weighted</c> or
    /// <c>confidence_weighted</c>. Absent (older packages) is the mean, which the graph's <c>probs</c> output computes.
    /// </summary>
    public string? Fusion { get; init; }

    /// <summary>How <see cref="Temperature"/> was fitted and the validation ECE before and after; null when it was not fitted.</summary>
    public TemperatureCalibration? Calibration { get; init; }

    /// <summary>How model.onnx stores its weights (<c>fp32</c> when absent).</summary>
    public WeightStorage WeightStorage { get; init; } = WeightStorage.Fp32;

    /// <summary>How to draw activation maps, when the package has feature outputs.</summary>
    public CamDescription? Cam { get; init; }

    /// <summary>
    /// The training run folder the package was exported from (absent in older packages), so that
    /// <c>npa-train retrain</c> can fine-tune from the serving model's run.
    /// </summary>
    public string? TrainingRun { get; init; }

    /// <summary>What the model is for and is not for (decision support, not diagnosis), shown with its output.</summary>
    public required string IntendedUse { get; init; }
}
