namespace Npa.Monitor.Alarms;

/// <summary>
/// What nurses have asked of one bed's alarms, as of now: a hold during care or a silence (each until a time, by
/// whom), and the acknowledged episode. Scoring and publishing go on whatever it says.
/// </summary>
/// <param name="HoldUntil">No episode starts, and a running one ends, until then (care at the bed).</param>
/// <param name="SilencedUntil">No episode starts and no reminders go out until then.</param>
/// <param name="By">Who asked for the hold or silence (the station's broker user, and the nurse if given).</param>
/// <param name="AcknowledgedEpisodeId">The running episode a nurse acknowledged: no periodic reminders for it.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
public sealed record AlarmControl(DateTimeOffset? HoldUntil, DateTimeOffset? SilencedUntil, string? By, string? AcknowledgedEpisodeId, string? AcknowledgedBy)
{
    /// <summary>Whether the bed is on hold at <paramref name="now"/>.</summary>
    public bool IsHeld(DateTimeOffset now) => HoldUntil is { } until && now < until;

    /// <summary>Whether the bed's alarms are silenced at <paramref name="now"/>.</summary>
    public bool IsSilenced(DateTimeOffset now) => SilencedUntil is { } until && now < until;

    /// <summary>Whether <paramref name="episodeId"/> was acknowledged.</summary>
    public bool Acknowledges(string episodeId) => AcknowledgedEpisodeId == episodeId;
}
