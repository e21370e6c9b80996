using Npa.Shared.Messages;

namespace Npa.Monitor.Station;

/// <summary>What the station has heard about one bed (guarded by <see cref="WardBoard"/>'s lock).</summary>
internal sealed class WardBedEntry(string bed)
{
    public string Bed { get; } = bed;
    public BedStateMessage? State { get; set; }
    public BedStatusMessage? Status { get; set; }
    public AlertEventMessage? Alert { get; set; }
    public string? ModelId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public Queue<WardPoint> History { get; } = new();
    public long LastPointT { get; set; }

    /// <summary>The running episode: the retained state says which (it is right after a reconnect); the latest alert event for it adds peak and start.</summary>
    public WardEpisodeView? Episode()
    {
        string? id = State?.EpisodeId ?? (Alert is { Event: not AlertEventKind.End } a ? a.EpisodeId : null);
        if (id is null) return null;
        if (Alert is { } alert && alert.EpisodeId == id)
            return new WardEpisodeView(id, Shared.Nips.NipsScale.WireName(alert.Category), alert.PeakScore, alert.StartedAt);
        string category = State?.Category is { } c ? Shared.Nips.NipsScale.WireName(c) : "mild_moderate";
        return new WardEpisodeView(id, category, null, null);
    }
}
