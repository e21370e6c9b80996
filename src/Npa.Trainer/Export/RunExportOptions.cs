using Npa.Shared.Packaging;

namespace Npa.Trainer.Export;

/// <summary>Choices of <c>npa-train export</c> beyond the run folder and the package folder.</summary>
public sealed record RunExportOptions
{
    /// <summary>"winner" (whichever validated better), "student" or "teacher".</summary>
    public string Which { get; init; } = "winner";

    /// <summary>Package id; null: &lt;preset&gt;-&lt;config hash&gt;.</summary>
    public string? ModelId { get; init; }

    /// <summary>Also write &lt;out&gt;.zip.</summary>
    public bool Zip { get; init; }

    /// <summary>Write features_a/features_b (activation maps).</summary>
    public bool IncludeFeatures { get; init; } = true;

    /// <summary>How Conv and Gemm weights and biases are stored; FP16 halves the file and computes the same to ~1e-4.</summary>
    public WeightStorage Weights { get; init; } = WeightStorage.Fp32;

    /// <summary>
    /// Calibration temperature. Null (the default): fit it on the run's validation split, or 1 when the run has none;
    /// a number: record it as given (1: no calibration).
    /// </summary>
    public double? Temperature { get; init; }
}
