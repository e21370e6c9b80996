namespace Npa.Monitor.Web;

/// <summary>One sparkline point: Unix time in ms and the smoothed score (null: no assessable face).</summary>
public sealed record HistoryPoint(long T, double? S);
