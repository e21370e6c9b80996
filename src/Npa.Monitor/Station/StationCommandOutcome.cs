namespace Npa.Monitor.Station;

/// <summary>What became of one command the ward page asked the station to send.</summary>
/// <param name="Sent">True when the broker took it (PUBACK success); the owning monitor then applies and audits it.</param>
/// <param name="Topic">The command topic.</param>
/// <param name="Seq">The command's sequence number.</param>
/// <param name="By">Who the command says sent it.</param>
/// <param name="Refusal">Why it was not sent (no broker link, refused by the broker's ACL); null when sent.</param>
public sealed record StationCommandOutcome(bool Sent, string Topic, long Seq, string By, string? Refusal);
