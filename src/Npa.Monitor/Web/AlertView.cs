using Npa.Monitor.Aggregation;
using Npa.Shared.Nips;

namespace Npa.Monitor.Web;

/// <summary>A pain-episode event as the dashboard receives it.</summary>
public sealed record AlertView(string Bed, string Id, string Kind, string Category, double Peak, double? Score, DateTimeOffset StartedAt, DateTimeOffset Time, DateTimeOffset? EndedAt, string Reason)
{
    public static AlertView From(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AlertView(e.BedId, e.EpisodeId, WireNames.Of(e.Kind), NipsScale.WireName(e.Category), e.Peak, e.Score, e.StartedAt, e.Time, e.EndedAt, e.Reason);
    }
}
