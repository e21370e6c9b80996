namespace Npa.Trainer.Training.CoDivision;

/// <summary>
/// A two-component Gaussian mixture on one-dimensional per-sample losses, fitted by EM, as DivideMix divides a training set:
/// the component with the smaller mean is "clean", and a sample's clean probability is its posterior under that component.
/// </summary>
public sealed class LossMixture
{
    /// <summary>Variance floor on min–max normalized losses, so a component cannot collapse on one sample (DivideMix: 5e-4).</summary>
    public const double VarianceFloor = 5e-4;

    private LossMixture(double cleanMean, double cleanVariance, double cleanWeight, double noisyMean, double noisyVariance, double low, double high)
    {
        CleanMean = cleanMean;
        CleanVariance = cleanVariance;
        CleanWeight = cleanWeight;
        NoisyMean = noisyMean;
        NoisyVariance = noisyVariance;
        this.low = low;
        this.high = high;
    }

    private readonly double low, high;

    /// <summary>Mean of the clean (small-loss) component, on losses normalized to [0, 1].</summary>
    public double CleanMean { get; }

    /// <summary>Variance of the clean component (normalized losses).</summary>
    public double CleanVariance { get; }

    /// <summary>Mixing weight of the clean component.</summary>
    public double CleanWeight { get; }

    /// <summary>Mean of the noisy (large-loss) component (normalized losses).</summary>
    public double NoisyMean { get; }

    /// <summary>Variance of the noisy component (normalized losses).</summary>
    public double NoisyVariance { get; }

    /// <summary>
    /// Fits the mixture to <paramref name="losses"/> (at least two finite values) with <paramref name="iterations"/> EM steps.
    /// Losses are min–max normalized first; the components start at the 25th and 75th percentiles.
    /// </summary>
    public static LossMixture Fit(IReadOnlyList<double> losses, int iterations = 20)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        if (losses.Count < 2 || losses.Any(l => !double.IsFinite(l)))
            throw new ArgumentException("the mixture needs at least two losses, all finite", nameof(losses));
        double low = losses.Min(), high = losses.Max();
        double span = high - low;
        double[] x = losses.Select(l => span > 0 ? (l - low) / span : 0.0).ToArray();
        double[] sorted = x.Order().ToArray();
        double mean0 = sorted[sorted.Length / 4], mean1 = sorted[3 * sorted.Length / 4];
        double overall = Variance(x, x.Average(), null);
        double var0 = Math.Max(overall / 4, VarianceFloor), var1 = var0, weight0 = 0.5;
        var r = new double[x.Length];
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < x.Length; i++) r[i] = Posterior(x[i], mean0, var0, weight0, mean1, var1);
            double n0 = r.Sum(), n1 = x.Length - n0;
            if (n0 < 1e-9 || n1 < 1e-9) break;
            mean0 = x.Select((v, i) => r[i] * v).Sum() / n0;
            mean1 = x.Select((v, i) => (1 - r[i]) * v).Sum() / n1;
            var0 = Math.Max(Variance(x, mean0, r) / n0, VarianceFloor);
            var1 = Math.Max(Variance(x, mean1, r.Select(p => 1 - p).ToArray()) / n1, VarianceFloor);
            weight0 = Math.Clamp(n0 / x.Length, 1e-6, 1 - 1e-6);
        }
        // The clean component is the one with the smaller mean, whichever EM converged to.
        return mean0 <= mean1
            ? new LossMixture(mean0, var0, weight0, mean1, var1, low, high)
            : new LossMixture(mean1, var1, 1 - weight0, mean0, var0, low, high);
    }

    /// <summary>Posterior probability that a sample with raw loss <paramref name="loss"/> belongs to the clean component.</summary>
    public double CleanProbability(double loss)
    {
        double span = high - low;
        double x = span > 0 ? (loss - low) / span : 0.0;
        return Posterior(x, CleanMean, CleanVariance, CleanWeight, NoisyMean, NoisyVariance);
    }

    private static double Posterior(double x, double mean0, double var0, double weight0, double mean1, double var1)
    {
        // In log space: far in a tail both densities underflow to 0 and the ratio would be NaN.
        double l0 = Math.Log(weight0) - 0.5 * (Math.Log(var0) + (x - mean0) * (x - mean0) / var0);
        double l1 = Math.Log(1 - weight0) - 0.5 * (Math.Log(var1) + (x - mean1) * (x - mean1) / var1);
        return 1.0 / (1.0 + Math.Exp(l1 - l0));
    }

    private static double Variance(double[] x, double mean, double[]? weights)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (weights?[i] ?? 1.0) * (x[i] - mean) * (x[i] - mean);
        return weights is null ? sum / x.Length : sum;
    }
}
