namespace Npa.Capture.Simulation;

/// <summary>One bench frame: what was rendered and whether the detector found it (best IoU with the true box).</summary>
public sealed record DetectabilityFrame(int Nips, int SkinTone, int BoxWidth, double RollDegrees, OcclusionKind Occlusion, double BestIoU)
{
    public bool Hit => BestIoU >= HaarDetectabilityBench.HitIoU;

    /// <summary>Darkest tone, face under 150 px wide, or roll over 10°.</summary>
    public bool IsHardest => SkinTone == SkinTonePalette.Darkest || BoxWidth < 150 || Math.Abs(RollDegrees) > 10;
}
