namespace Npa.Monitor.Replay;

/// <summary>Sampled frames while the script says an occluder is on the face, and how many the bed reported as doubtful.</summary>
/// <param name="Kind">Occluder (or <c>all</c>).</param>
/// <param name="Frames">Sampled frames with that occluder.</param>
/// <param name="NoFace">Not scored (no face, or the gate refused it), so the bed publishes no score for them.</param>
/// <param name="LowConfidence">Assessed with a confidence below Alerts:MinConfidence.</param>
public sealed record OcclusionShare(string Kind, int Frames, int NoFace, int LowConfidence)
{
    /// <summary>(no face + low confidence) / frames; null without frames.</summary>
    public double? Share => Frames == 0 ? null : (double)(NoFace + LowConfidence) / Frames;
}
