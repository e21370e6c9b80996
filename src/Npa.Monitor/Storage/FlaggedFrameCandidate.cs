namespace Npa.Monitor.Storage;

/// <summary>A frame the flagging rules picked, before the store decides whether to keep it.</summary>
/// <param name="Bed">Bed id.</param>
/// <param name="Time">Capture time of the frame.</param>
/// <param name="Reasons">Why it was flagged; never <see cref="FlagReasons.None"/>.</param>
/// <param name="Probabilities">The model's fused probabilities over NIPS 0..7.</param>
/// <param name="PredictedLevel">The model's arg-max NIPS level.</param>
/// <param name="AlphaA">Branch A's α.</param>
/// <param name="AlphaB">Branch B's α.</param>
/// <param name="ModelId">Model package that scored it.</param>
public sealed record FlaggedFrameCandidate(
    string Bed,
    DateTimeOffset Time,
    FlagReasons Reasons,
    IReadOnlyList<float> Probabilities,
    int PredictedLevel,
    float AlphaA,
    float AlphaB,
    string ModelId);
