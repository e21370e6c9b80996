namespace Npa.Capture.Sources;

/// <summary>Reconnect delays of a live source: exponential from <see cref="Initial"/> up to <see cref="Max"/>, with ± <see cref="Jitter"/> spread.</summary>
public sealed record BackoffOptions
{
    /// <summary>Delay before the first reconnect attempt.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any delay, jitter included.</summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Factor between consecutive delays (≥ 1).</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Relative spread in [0, 1): each delay is scaled by a uniform factor in [1 − Jitter, 1 + Jitter].</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "Reconnect")
    {
        if (Initial <= TimeSpan.Zero)
        {
            yield return $"{prefix}.Initial must be positive (got {Initial}).";
        }

        if (Max < Initial)
        {
            yield return $"{prefix}.Max ({Max}) must be at least {prefix}.Initial ({Initial}).";
        }

        if (!(Multiplier >= 1.0) || double.IsInfinity(Multiplier))
        {
            yield return $"{prefix}.Multiplier must be a finite number ≥ 1 (got {Multiplier}).";
        }

        if (!(Jitter >= 0.0 && Jitter < 1.0))
        {
            yield return $"{prefix}.Jitter must be in [0, 1) (got {Jitter}).";
        }
    }
}
