namespace Npa.Monitor.Station;

/// <summary>One point of a bed's history chart: Unix milliseconds, expected NIPS score, and whether the model could not read the face.</summary>
/// <param name="T">Capture time, Unix milliseconds.</param>
/// <param name="S">The assessment's expected NIPS score.</param>
/// <param name="Low">True when the monitor judged the frame unreadable (it moved neither score nor alerts); null otherwise.</param>
public sealed record WardPoint(long T, double S, bool? Low);
