namespace Npa.Capture.Diagnostics;

/// <summary>One detector's line of <see cref="CaptureBench"/>: per-stage median and 95th-percentile milliseconds per frame.</summary>
public sealed record CaptureBenchRow(string Detector, int Frames, int FacesFound, IReadOnlyDictionary<string, double> MedianMs, IReadOnlyDictionary<string, double> P95Ms)
{
    /// <summary>Sum of the stage medians: the typical cost of one assessed frame before inference.</summary>
    public double TotalMedianMs => MedianMs.Values.Sum();
}
