namespace Npa.Monitor.Station;

/// <summary>
/// The ward page's order: what needs a nurse first. A running severe episode, then a running mild one, then severe
/// and mild scores without an episode (on hold, silenced, or not sustained yet), then beds whose data is not live (a
/// monitor offline, a camera down: nobody is watching them), then no pain, then beds without any score.
/// Ties go to the higher score, then to the bed id.
/// </summary>
public static class WardSeverity
{
    /// <summary>The rank of a bed (higher first).</summary>
    public static int Rank(bool stale, string? category, bool episodeRunning, string? camera)
    {
        if (!stale && episodeRunning) return category == "severe" ? 7 : 6;
        if (stale || camera is "offline") return 3;
        return category switch
        {
            "severe" => 5,
            "mild_moderate" => 4,
            "no_pain" => 2,
            _ => camera is "no_face" ? 1 : 0,
        };
    }

    /// <summary>Sorts <paramref name="beds"/> into the ward's order.</summary>
    public static IReadOnlyList<WardBedView> Order(IEnumerable<WardBedView> beds) =>
        [.. beds.OrderByDescending(b => b.Rank).ThenByDescending(b => b.Score ?? -1).ThenBy(b => b.Bed, StringComparer.Ordinal)];
}
