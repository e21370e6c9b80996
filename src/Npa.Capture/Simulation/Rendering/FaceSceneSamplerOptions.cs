namespace Npa.Capture.Simulation.Rendering;

/// <summary>Ranges the scene sampler draws from. Widths are fractions of the canvas's shorter side.</summary>
public sealed record FaceSceneSamplerOptions
{
    public double MinFaceFraction { get; init; } = 0.25;

    public double MaxFaceFraction { get; init; } = 0.6;

    public double MaxRollDegrees { get; init; } = 20;

    public double MaxYaw { get; init; } = 0.3;

    /// <summary>Probability that a scene carries an occlusion (one of the ward occluders or a partial frame exit).</summary>
    public double OcclusionRate { get; init; }

    /// <summary>Spread of the latent pain intensity in NIPS units; how much neighbouring scores overlap.</summary>
    public double ScoreOverlap { get; init; } = 0.45;

    /// <summary>Whether to add blur, sensor noise and JPEG artefacts.</summary>
    public bool Degrade { get; init; } = true;

    /// <summary>Throws with a readable message when a range is invalid.</summary>
    public void Validate()
    {
        if (!(MinFaceFraction > 0) || MaxFaceFraction < MinFaceFraction || MaxFaceFraction > 1.5)
            throw new ArgumentException($"face fraction range [{MinFaceFraction}, {MaxFaceFraction}] must satisfy 0 < min <= max <= 1.5");
        if (MaxRollDegrees is < 0 or > 45) throw new ArgumentException($"MaxRollDegrees {MaxRollDegrees} must be 0..45");
        if (MaxYaw is < 0 or > 0.6) throw new ArgumentException($"MaxYaw {MaxYaw} must be 0..0.6");
        if (OcclusionRate is < 0 or > 1) throw new ArgumentException($"OcclusionRate {OcclusionRate} must be 0..1");
        if (ScoreOverlap is < 0 or > 3) throw new ArgumentException($"ScoreOverlap {ScoreOverlap} must be 0..3");
    }
}
