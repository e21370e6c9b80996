namespace Npa.Monitor.Replay;

/// <summary>One bed's figures in a replay.</summary>
/// <param name="BedId">Bed.</param>
/// <param name="ScoredFrames">Assessment messages published.</param>
/// <param name="Mae">Mean |score − scripted NIPS| over them; null without any.</param>
/// <param name="BandAccuracy">Share whose category matches the scripted band.</param>
/// <param name="AlertStarts">Alert start events.</param>
/// <param name="FalseAlertStarts">Starts while the script stayed at NIPS ≤ 2.</param>
/// <param name="SevereEpisodes">Scripted severe episodes.</param>
/// <param name="SevereEpisodesAlerted">Of which alerted.</param>
/// <param name="Figure">Timeline PNG, relative to the report.</param>
public sealed record BedReplaySummary(string BedId, int ScoredFrames, double? Mae, double? BandAccuracy, int AlertStarts, int FalseAlertStarts,
    int SevereEpisodes, int SevereEpisodesAlerted, string? Figure);
