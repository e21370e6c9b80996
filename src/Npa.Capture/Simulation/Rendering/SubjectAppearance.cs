namespace Npa.Capture.Simulation.Rendering;

/// <summary>What stays the same across all images of one neonate: tone, face shape, cap.</summary>
public sealed record SubjectAppearance(int SkinTone, double Aspect, bool WearsHat, double HatHue, double BaseEyeOpenness)
{
    /// <summary>Draws a random neonate.</summary>
    public static SubjectAppearance Random(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new SubjectAppearance(
            SkinTone: rng.Next(SkinTonePalette.Count),
            Aspect: Draw.Uniform(rng, 1.05, 1.25),
            WearsHat: rng.NextDouble() < 0.5,
            HatHue: rng.NextDouble(),
            BaseEyeOpenness: Draw.Uniform(rng, 0.0, 1.0));
    }
}
