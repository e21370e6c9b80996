namespace Npa.Shared.Nips;

/// <summary>The Neonatal Infant Pain Scale: classes 0..7 and their clinical bands.</summary>
public static class NipsScale
{
    /// <summary>Number of classes (NIPS 0..7).</summary>
    public const int ClassCount = 8;

    /// <summary>Highest NIPS score.</summary>
    public const int MaxScore = ClassCount - 1;

    /// <summary>Lowest score of the mild-to-moderate band.</summary>
    public const int MildThreshold = 3;

    /// <summary>Lowest score of the severe band.</summary>
    public const int SevereThreshold = 5;

    /// <summary>True for 0..7.</summary>
    public static bool IsValidScore(int score) => score is >= 0 and <= MaxScore;

    /// <summary>The band of an integer score.</summary>
    public static NipsCategory CategoryOf(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, MaxScore);
        return score >= SevereThreshold ? NipsCategory.Severe
            : score >= MildThreshold ? NipsCategory.MildToModerate
            : NipsCategory.NoPain;
    }

    /// <summary>The band of a continuous (expected or smoothed) score, rounded half away from zero.</summary>
    public static NipsCategory CategoryOf(double score)
    {
        if (double.IsNaN(score)) throw new ArgumentOutOfRangeException(nameof(score), "score is NaN");
        int rounded = (int)Math.Round(Math.Clamp(score, 0, MaxScore), MidpointRounding.AwayFromZero);
        return CategoryOf(rounded);
    }

    /// <summary>Wire name of a band, as used in MQTT payloads.</summary>
    public static string WireName(NipsCategory category) => category switch
    {
        NipsCategory.NoPain => "no_pain",
        NipsCategory.MildToModerate => "mild_moderate",
        NipsCategory.Severe => "severe",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category"),
    };

    /// <summary>Expected NIPS score Σ k·p_k of a probability vector over the 8 classes.</summary>
    public static double ExpectedScore(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != ClassCount)
            throw new ArgumentException($"expected {ClassCount} probabilities, got {probabilities.Length}", nameof(probabilities));
        double total = 0, expected = 0;
        for (int k = 0; k < ClassCount; k++)
        {
            float p = probabilities[k];
            if (!(p >= 0) || float.IsInfinity(p))
                throw new ArgumentException($"probability {k} is {p}; probabilities must be finite and non-negative", nameof(probabilities));
            total += p;
            expected += k * p;
        }
        if (Math.Abs(total - 1) > 1e-3)
            throw new ArgumentException($"probabilities sum to {total:F4}, not 1", nameof(probabilities));
        return expected / total;
    }

    /// <summary>
    /// Predictive standard deviation of the score, √(Σ p_k·(k − E)²) with E the expected score, in NIPS points. An
    /// ordinal read: a model torn between 4 and 5 has a low top probability but a small spread; one that cannot tell
    /// rest from a grimace spreads its mass over the scale.
    /// </summary>
    public static double ScoreSpread(ReadOnlySpan<float> probabilities)
    {
        double expected = ExpectedScore(probabilities), total = 0, variance = 0;
        for (int k = 0; k < ClassCount; k++)
        {
            total += probabilities[k];
            variance += probabilities[k] * (k - expected) * (k - expected);
        }
        return Math.Sqrt(variance / total);
    }

    /// <summary>Index of the largest probability (the predicted NIPS class).</summary>
    public static int ArgMax(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.IsEmpty) throw new ArgumentException("no probabilities", nameof(probabilities));
        int best = 0;
        for (int k = 1; k < probabilities.Length; k++)
            if (probabilities[k] > probabilities[best]) best = k;
        return best;
    }
}
