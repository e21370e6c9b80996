namespace Npa.Trainer.Training.Options;

/// <summary>Which backbones form the two branches, and their heads.</summary>
public sealed record ModelOptions
{
    /// <summary>Backbone of branch A (registry name).</summary>
    public string BranchA { get; init; } = "resnet50";

    /// <summary>Backbone of branch B; null or empty gives the single-branch baseline.</summary>
    public string? BranchB { get; init; } = "efficientnet_v2_s";

    /// <summary>Dropout before each branch's classifier (paper: 0.1).</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>
    /// Optional torchvision-format state_dict (.pt or .safetensors) for branch A's backbone, or <c>mlnet_resnet18</c> to import
    /// the ImageNet weights of NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (backbone resnet18_mlnet).
    /// </summary>
    public string? PretrainedA { get; init; }

    /// <summary>Optional state_dict (or <c>mlnet_resnet18</c>) for branch B's backbone.</summary>
    public string? PretrainedB { get; init; }

    /// <summary>
    /// Optional safetensors of a whole network of this architecture (a run's <c>best/student.safetensors</c> or
    /// <c>teacher.safetensors</c>) to start from instead of a fresh initialisation: fine-tuning (<c>npa-train retrain</c>).
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>
    /// Beyond the paper (issue 11, 5c): how the branches' probabilities are fused for validation, test and the exported
    /// package (<see cref="Npa.Shared.Packaging.FusionRule"/>). Null: the paper's mean, and older configs keep their hash.
    /// </summary>
    public string? Fusion { get; init; }

    /// <summary>The value of <see cref="TemperatureFit"/> that fits T through the assumed label-noise model.</summary>
    public const string NoiseAwareTemperatureFit = "noise_aware";

    /// <summary>
    /// Beyond the paper (issue 11): how the calibration temperature is fitted on the validation labels. Null: the NLL of
    /// the labels as given. <c>noise_aware</c>: the NLL of the given labels under p(ŷ | x) = Σ_k p(k | x)·T[k][ŷ], the
    /// assumed noise model (<see cref="DataOptions.NoiseTransition"/>), so that noisy validation labels do not teach the
    /// network to doubt its right answers.
    /// </summary>
    public string? TemperatureFit { get; init; }

    /// <summary>True for <c>temperature_fit = noise_aware</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNoiseAwareTemperatureFit => TemperatureFit == NoiseAwareTemperatureFit;

    /// <summary>True when there is a second branch.</summary>
    public bool IsSiamese => !string.IsNullOrWhiteSpace(BranchB);

    internal void Validate(OptionErrors errors)
    {
        errors.Require(!string.IsNullOrWhiteSpace(BranchA), "model.branch_a", "a backbone name is required");
        errors.InRange(Dropout, 0, 0.9, "model.dropout");
        errors.Require(Npa.Shared.Packaging.FusionRule.IsKnown(Fusion), "model.fusion",
            $"must be one of {string.Join(", ", Npa.Shared.Packaging.FusionRule.All)}, got '{Fusion}'");
        errors.Require(TemperatureFit is null or NoiseAwareTemperatureFit, "model.temperature_fit",
            $"must be {NoiseAwareTemperatureFit} or absent, got '{TemperatureFit}'");
        CheckPretrained(errors, PretrainedA, BranchA, "model.pretrained_a");
        CheckPretrained(errors, PretrainedB, BranchB, "model.pretrained_b");
        errors.Require(PretrainedB is null || IsSiamese, "model.pretrained_b", "given, but there is no branch_b");
        errors.Require(InitFrom is null || File.Exists(InitFrom), "model.init_from", $"file not found: {InitFrom}");
        errors.Require(InitFrom is null || (PretrainedA is null && PretrainedB is null), "model.init_from",
            "starts from a whole network; leave pretrained_a/pretrained_b out");
    }

    private static void CheckPretrained(OptionErrors errors, string? source, string? backbone, string key)
    {
        if (source is null) return;
        if (source == "mlnet_resnet18")
            errors.Require(Pretrained.MlNetResNet18Importer.Fits(backbone), key, $"mlnet_resnet18 weights fit backbone resnet18_mlnet or resnet18, not '{backbone}'");
        else
            errors.Require(File.Exists(source), key, $"file not found: {source}");
    }
}
