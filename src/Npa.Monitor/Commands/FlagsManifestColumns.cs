namespace Npa.Monitor.Commands;

/// <summary>
/// Extra columns of the flagged-frame manifest, after the dataset manifest's <c>path,label</c>. The <c>label</c>
/// column holds the annotator's label once there is one, else the model's prediction as a pre-fill
/// (<see cref="LabelSource"/> says which); annotators correct <c>label</c> and fill <see cref="Annotator"/>.
/// </summary>
public static class FlagsManifestColumns
{
    /// <summary>Flagged frame id (the key for import).</summary>
    public const string Id = "id";

    /// <summary>Bed id.</summary>
    public const string Bed = "bed";

    /// <summary>Capture time, ISO 8601 UTC.</summary>
    public const string Time = "time";

    /// <summary>The model's arg-max NIPS level.</summary>
    public const string PredictedLevel = "predicted_level";

    /// <summary>The model's largest fused probability.</summary>
    public const string Confidence = "confidence";

    /// <summary>Reason codes, '|'-separated.</summary>
    public const string Reasons = "reasons";

    /// <summary>Fused α = α_a·α_b.</summary>
    public const string Alpha = "alpha";

    /// <summary>Model package that scored the frame.</summary>
    public const string ModelId = "model_id";

    /// <summary>Relabel status at export.</summary>
    public const string Status = "status";

    /// <summary><c>model</c> (label is the prediction) or <c>annotator</c>.</summary>
    public const string LabelSource = "label_source";

    /// <summary>Who labelled the frame.</summary>
    public const string Annotator = "annotator";
}
