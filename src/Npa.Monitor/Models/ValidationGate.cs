using Microsoft.Extensions.Logging;
using Npa.Shared.Datasets;
using Npa.Shared.Nips;

namespace Npa.Monitor.Models;

/// <summary>Scores both packages on the held-out set and runs the paired bootstrap.</summary>
public static class ValidationGate
{
    /// <summary>The report; throws <see cref="ArgumentException"/> when the set cannot test severe recall.</summary>
    public static GateReport Run(string candidate, string serving, string manifest, GateSettings settings, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entries = DatasetManifestReader.Read(manifest);
        if (entries.Count == 0) throw new ArgumentException($"held-out manifest {manifest} has no rows");
        int severe = entries.Count(e => e.Label >= NipsScale.SevereThreshold);
        if (severe == 0) throw new ArgumentException($"held-out manifest {manifest} has no severe (NIPS ≥ {NipsScale.SevereThreshold}) image, so severe recall cannot be tested");
        var scored = GateScorer.Score([candidate, serving], entries, loggers);
        return Build(scored[0].ModelId, scored[1].ModelId, Path.GetFullPath(manifest), scored[0].Samples, scored[1].Samples, settings);
    }

    /// <summary>The report for already-scored samples.</summary>
    public static GateReport Build(string candidateId, string servingId, string data, IReadOnlyList<GateSample> candidate, IReadOnlyList<GateSample> serving, GateSettings settings) => new()
    {
        CandidateId = candidateId,
        ServingId = servingId,
        Data = data,
        Samples = candidate.Count,
        SevereSamples = candidate.Count(x => x.Label >= NipsScale.SevereThreshold),
        Settings = settings,
        Comparisons = PairedBootstrap.Compare(candidate, serving, settings),
        CandidateConfusion = GateMetrics.Confusion(candidate),
        ServingConfusion = GateMetrics.Confusion(serving),
    };
}
