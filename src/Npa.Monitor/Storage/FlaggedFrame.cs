namespace Npa.Monitor.Storage;

/// <summary>One stored flagged frame: what the model said, and what the annotator said.</summary>
/// <param name="Id">Store id (time-ordered GUID, 32 hex digits).</param>
/// <param name="Bed">Bed id.</param>
/// <param name="Time">Capture time of the frame.</param>
/// <param name="Reasons">Why it was flagged.</param>
/// <param name="Probabilities">The model's fused probabilities over NIPS 0..7.</param>
/// <param name="PredictedLevel">The model's arg-max NIPS level.</param>
/// <param name="AlphaA">Branch A's α.</param>
/// <param name="AlphaB">Branch B's α.</param>
/// <param name="ModelId">Model package that scored it.</param>
/// <param name="Status">Relabelling status.</param>
/// <param name="AnnotatorLabel">The annotator's NIPS label, once labelled.</param>
/// <param name="Annotator">Who labelled it, once labelled.</param>
/// <param name="CropFile">File name of the crop beside the database: <c>{id}.png</c>, or <c>{id}.png.enc</c> when sealed.</param>
/// <param name="CropBytes">Size of the crop file.</param>
public sealed record FlaggedFrame(
    string Id,
    string Bed,
    DateTimeOffset Time,
    FlagReasons Reasons,
    IReadOnlyList<float> Probabilities,
    int PredictedLevel,
    float AlphaA,
    float AlphaB,
    string ModelId,
    RelabelStatus Status,
    int? AnnotatorLabel,
    string? Annotator,
    string CropFile,
    long CropBytes)
{
    /// <summary>Name of the plain PNG crop where it is handed to people: <c>{id}.png</c> in an export folder.</summary>
    public string PngFileName => Id + ".png";
}
