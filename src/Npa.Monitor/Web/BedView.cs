using Npa.Monitor.Aggregation;
using Npa.Shared.Nips;

namespace Npa.Monitor.Web;

/// <summary>A bed as the dashboard and /api/beds show it (wire names, no images).</summary>
public sealed record BedView(
    string Bed,
    DateTimeOffset Time,
    double? Score,
    double? RawScore,
    string? Category,
    DateTimeOffset Since,
    double? Uncertainty,
    double? Confidence,
    string Face,
    string Camera,
    string? CameraDetail,
    string? ModelId,
    EpisodeView? Episode,
    long Assessed,
    IReadOnlyList<HistoryPoint>? History = null)
{
    /// <summary>The view of a snapshot, without history.</summary>
    public static BedView From(BedSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new BedView(s.BedId, s.Time, s.Score, s.RawScore, s.Category is { } c ? NipsScale.WireName(c) : null, s.Since,
            s.Uncertainty, s.Confidence, WireNames.Of(s.Face), WireNames.Of(s.Camera), s.CameraDetail, s.ModelId,
            s.Episode is { } e ? new EpisodeView(e.EpisodeId, NipsScale.WireName(e.Category), e.Peak, e.StartedAt) : null,
            s.AssessedCount);
    }
}
