namespace Npa.Capture.Simulation;

/// <summary>Detection rate of one group of rendered frames.</summary>
public sealed record DetectionGroupRate(string Group, int Frames, int Hits, double MeanIoU)
{
    public double Rate => Frames == 0 ? 0 : (double)Hits / Frames;
}
