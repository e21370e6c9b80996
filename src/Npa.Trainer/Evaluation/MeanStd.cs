namespace Npa.Trainer.Evaluation;

/// <summary>Mean and sample standard deviation (n − 1; 0 for one value) of a set of values.</summary>
public readonly record struct MeanStd(double Mean, double Std, int Count)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    public static MeanStd Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return new MeanStd(double.NaN, double.NaN, 0);
        double mean = values.Average();
        double std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MeanStd(mean, std, values.Count);
    }
}
