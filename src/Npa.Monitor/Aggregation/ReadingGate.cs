using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;

namespace Npa.Monitor.Aggregation;

/// <summary>
/// Decides whether an assessment may move a bed's score and alerts: the model must be sure enough of its class
/// (<see cref="AlertsOptions.MinConfidence"/>) and of the score (<see cref="AlertsOptions.MaxScoreSpread"/>). The
/// aggregator and the assessment message use this one rule, so that what a station reads as low confidence is what
/// the bedside ignored.
/// </summary>
public sealed record ReadingGate(double MinConfidence, double MaxScoreSpread)
{
    public static ReadingGate From(AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ReadingGate(options.MinConfidence, options.MaxScoreSpread);
    }

    /// <summary>True when the model says it cannot read the face well enough to score it.</summary>
    public bool IsLowConfidence(InferenceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Confidence < MinConfidence || result.ScoreSpread > MaxScoreSpread;
    }
}
