namespace Npa.Monitor.Models;

/// <summary>Everything the gate decided and why; written as gate-report.md and gate-report.json.</summary>
public sealed record GateReport
{
    public required string CandidateId { get; init; }

    public required string ServingId { get; init; }

    /// <summary>Full path of the held-out manifest.</summary>
    public required string Data { get; init; }

    public required int Samples { get; init; }

    /// <summary>Samples labelled severe (NIPS ≥ 5).</summary>
    public required int SevereSamples { get; init; }

    public required GateSettings Settings { get; init; }

    public required IReadOnlyList<GateComparison> Comparisons { get; init; }

    /// <summary>[label, predicted] counts of the candidate.</summary>
    public required int[][] CandidateConfusion { get; init; }

    /// <summary>[label, predicted] counts of the serving model.</summary>
    public required int[][] ServingConfusion { get; init; }

    /// <summary>True only when every metric passed.</summary>
    public bool Promote => Comparisons.Count > 0 && Comparisons.All(c => c.Passed);
}
