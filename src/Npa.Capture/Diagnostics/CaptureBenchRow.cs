namespace Npa.Capture.Diagnostics;

/// <summary>One detector's line of <see cref="CaptureBench"/>: per-stage mean and 95th-percentile milliseconds per frame.</summary>
public sealed record CaptureBenchRow(string Detector, int Frames, int FacesFound, IReadOnlyDictionary<string, double> MeanMs, IReadOnlyDictionary<string, double> P95Ms)
{
    /// <summary>Sum of the stage means: the cost of one assessed frame before inference.</summary>
    public double TotalMeanMs => MeanMs.Values.Sum();
}
