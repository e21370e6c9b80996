namespace Npa.Monitor.Models;

/// <summary>Candidate versus serving on one metric.</summary>
/// <param name="Candidate">Candidate's value on the whole held-out set.</param>
/// <param name="Serving">Serving model's value on the whole held-out set.</param>
/// <param name="Lower">Lower bound of the bootstrap interval of candidate − serving.</param>
/// <param name="Upper">Upper bound of that interval.</param>
/// <param name="Margin">How much worse the candidate may be (positive).</param>
/// <param name="Passed">For accuracy and recall: Lower ≥ −Margin; for MAE: Upper ≤ +Margin.</param>
public sealed record GateComparison(GateMetric Metric, double Candidate, double Serving, double Lower, double Upper, double Margin, bool Passed)
{
    /// <summary>Point estimate of candidate − serving.</summary>
    public double Difference => Candidate - Serving;
}
