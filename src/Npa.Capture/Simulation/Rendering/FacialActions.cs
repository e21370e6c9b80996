using Npa.Shared.Nips;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>
/// Intensities (0..1) of the facial actions that neonatal pain scales score. NIPS 0 is all zero; the actions
/// recruit in the clinical order (brow, eyes, furrow, then mouth, then tongue and chin) as the score rises.
/// </summary>
public sealed record FacialActions(
    double BrowBulge,
    double EyeSqueeze,
    double NasolabialFurrow,
    double LipsOpen,
    double MouthStretchVertical,
    double MouthStretchHorizontal,
    double TautTongue,
    double ChinQuiver)
{
    /// <summary>A relaxed face.</summary>
    public static FacialActions Relaxed { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Mean of all actions: a scalar grimace strength.</summary>
    public double Mean => (BrowBulge + EyeSqueeze + NasolabialFurrow + LipsOpen + MouthStretchVertical
        + MouthStretchHorizontal + TautTongue + ChinQuiver) / 8;

    /// <summary>
    /// Draws the actions of a face scored <paramref name="nips"/>. A latent intensity (score plus Gaussian
    /// spread of <paramref name="overlap"/> score units) makes neighbouring scores overlap as real ones do.
    /// </summary>
    public static FacialActions ForNips(int nips, Random rng, double overlap = 0.45)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!NipsScale.IsValidScore(nips))
            throw new ArgumentOutOfRangeException(nameof(nips), nips, $"NIPS score must be 0..{NipsScale.MaxScore}");
        if (nips == 0 && overlap <= 0) return Relaxed;
        double latent = Math.Clamp((nips + overlap * Gaussian(rng)) / NipsScale.MaxScore, 0, 1);
        double Act(double from, double to) => Math.Clamp(SmoothStep(from, to, latent) + 0.08 * Gaussian(rng), 0, 1);
        return new FacialActions(
            BrowBulge: Act(0.0, 0.45),
            EyeSqueeze: Act(0.05, 0.55),
            NasolabialFurrow: Act(0.10, 0.62),
            LipsOpen: Act(0.30, 0.75),
            MouthStretchVertical: Act(0.45, 0.95),
            MouthStretchHorizontal: Act(0.40, 0.90),
            TautTongue: Act(0.62, 1.00),
            ChinQuiver: Act(0.68, 1.00));
    }

    private static double SmoothStep(double from, double to, double x)
    {
        double t = Math.Clamp((x - from) / (to - from), 0, 1);
        return t * t * (3 - 2 * t);
    }

    internal static double Gaussian(Random rng)
    {
        // Box–Muller; 1 - NextDouble() keeps the logarithm finite.
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
