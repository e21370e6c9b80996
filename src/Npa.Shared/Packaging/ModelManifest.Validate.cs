using System.Text.RegularExpressions;
using Npa.Shared.Nips;

namespace Npa.Shared.Packaging;

public sealed partial record ModelManifest
{
    /// <summary>Everything wrong with the manifest, as readable sentences naming the JSON field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Schema != SchemaVersion) errors.Add($"schema is '{Schema}', expected '{SchemaVersion}'");
        if (string.IsNullOrWhiteSpace(ModelId)) errors.Add("model_id is missing");
        else if (!IdPattern().IsMatch(ModelId)) errors.Add($"model_id '{ModelId}' may only contain letters, digits, '.', '_' and '-'");
        if (CreatedAt == default) errors.Add("created_at is missing");
        ValidateClasses(errors);
        ValidateInput(errors);
        ValidateBranchesAndOutputs(errors);
        if (!Enum.IsDefined(ExportedWeights)) errors.Add("exported_weights must be 'student' or 'teacher'");
        if (!(AlphaThreshold is >= 0 and <= 1)) errors.Add($"alpha_threshold {AlphaThreshold} must lie in [0, 1]");
        if (Flagging is null) errors.Add("flagging is missing");
        else
        {
            if (!(Flagging.LowAlphaThreshold is >= 0 and <= 1)) errors.Add($"flagging.low_alpha_threshold {Flagging.LowAlphaThreshold} must lie in [0, 1]");
            if (!(Flagging.LowConfidenceThreshold is >= 0 and <= 1)) errors.Add($"flagging.low_confidence_threshold {Flagging.LowConfidenceThreshold} must lie in [0, 1]");
        }
        if (string.IsNullOrWhiteSpace(TrainingConfigHash)) errors.Add("training_config_hash is missing");
        if (ValidationMetrics is null) errors.Add("validation_metrics is missing");
        else
        {
            foreach (var (name, value) in ValidationMetrics)
                if (string.IsNullOrWhiteSpace(name) || !double.IsFinite(value)) errors.Add($"validation_metrics '{name}' = {value} must be a named finite number");
        }
        ValidateCalibration(errors);
        if (!FusionRule.IsKnown(Fusion)) errors.Add($"fusion '{Fusion}' must be one of {string.Join(", ", FusionRule.All)}");
        if (!Enum.IsDefined(WeightStorage)) errors.Add("weight_storage must be 'fp32' or 'fp16'");
        if (string.IsNullOrEmpty(OnnxSha256)) errors.Add("onnx_sha256 is missing");
        else if (!Sha256Pattern().IsMatch(OnnxSha256)) errors.Add($"onnx_sha256 '{OnnxSha256}' is not 64 lowercase hex digits");
        if (string.IsNullOrWhiteSpace(IntendedUse)) errors.Add("intended_use is missing");
        return errors;
    }

    /// <summary>Throws <see cref="ModelManifestException"/> listing every problem when the manifest is not valid.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ModelManifestException($"invalid model manifest '{ModelId}': " + string.Join("; ", errors));
    }

    private void ValidateCalibration(List<string> errors)
    {
        if (!(Temperature is >= MinTemperature and <= MaxTemperature)) errors.Add($"temperature {Temperature} must lie in [{MinTemperature}, {MaxTemperature}]");
        if (Calibration is null) return;
        if (string.IsNullOrWhiteSpace(Calibration.Split)) errors.Add("calibration.split is missing");
        if (Calibration.Samples < 1) errors.Add($"calibration.samples {Calibration.Samples} must be at least 1");
        if (Calibration.EceBins < 1) errors.Add($"calibration.ece_bins {Calibration.EceBins} must be at least 1");
        foreach (var (name, value) in new[] { ("ece_before", Calibration.EceBefore), ("ece_after", Calibration.EceAfter) })
            if (!(value is >= 0 and <= 1)) errors.Add($"calibration.{name} {value} must lie in [0, 1]");
        foreach (var (name, value) in new[] { ("nll_before", Calibration.NllBefore), ("nll_after", Calibration.NllAfter) })
            if (!(value >= 0) || !double.IsFinite(value)) errors.Add($"calibration.{name} {value} must be a finite number ≥ 0");
        if (Calibration.Method is not (null or "noise_aware")) errors.Add($"calibration.method '{Calibration.Method}' must be noise_aware or absent");
    }

    private void ValidateClasses(List<string> errors)
    {
        if (Classes is null or { Count: 0 }) { errors.Add("classes is missing"); return; }
        if (Classes.Count != NipsScale.ClassCount)
            errors.Add($"classes lists {Classes.Count} classes but the NIPS scale has {NipsScale.ClassCount}");
        for (int i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] is null) { errors.Add($"classes[{i}] is null"); continue; }
            if (Classes[i].Index != i) errors.Add($"classes[{i}] has index {Classes[i].Index}; indices must run 0, 1, 2, … in order");
            if (string.IsNullOrWhiteSpace(Classes[i].Meaning)) errors.Add($"classes[{i}] has no meaning text");
        }
    }

    private void ValidateInput(List<string> errors)
    {
        if (Preprocessing is null) errors.Add("preprocessing is missing");
        else errors.AddRange(Preprocessing.Validate().Select(e => "preprocessing: " + e));
        if (InputSize is null) { errors.Add("input_size is missing"); return; }
        if (InputSize.Count != 3 || InputSize[0] != 3 || InputSize[1] < 1 || InputSize[2] < 1)
            errors.Add($"input_size [{string.Join(",", InputSize)}] must be [3,H,W] with positive H and W");
        else if (Preprocessing is not null && (InputSize[1] != Preprocessing.CropSize || InputSize[2] != Preprocessing.CropSize))
            errors.Add($"input_size [{string.Join(",", InputSize)}] disagrees with preprocessing crop_size {Preprocessing.CropSize}");
    }

    private void ValidateBranchesAndOutputs(List<string> errors)
    {
        if (Branches is null || Branches.Count is < 1 or > 2) errors.Add($"branches must name 1 or 2 backbones, got {Branches?.Count ?? 0}");
        else if (Branches.Any(string.IsNullOrWhiteSpace)) errors.Add("branches has an empty name");
        if (Outputs is null) { errors.Add("outputs is missing"); return; }
        int branchCount = Branches is { Count: 1 or 2 } ? Branches.Count : 2;
        var allowed = ModelOutputNames.Required(branchCount).Concat(ModelOutputNames.Optional(branchCount)).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in ModelOutputNames.Required(branchCount).Where(r => !Outputs.Contains(r, StringComparer.Ordinal)))
            errors.Add($"outputs lacks '{missing}'");
        foreach (var unknown in Outputs.Where(o => !allowed.Contains(o)))
            errors.Add($"outputs has unknown '{unknown}' for a {branchCount}-branch model");
        foreach (var twice in Outputs.GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"outputs lists '{twice.Key}' twice");
        if (Cam is null) return;
        if (string.IsNullOrWhiteSpace(Cam.Method)) errors.Add("cam.method is missing");
        if (Cam.FeatureOutputs is null or { Count: 0 }) errors.Add("cam.feature_outputs is missing");
        else
        {
            foreach (var f in Cam.FeatureOutputs.Where(f => !Outputs.Contains(f, StringComparer.Ordinal)))
                errors.Add($"cam.feature_outputs names '{f}', which is not in outputs");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
