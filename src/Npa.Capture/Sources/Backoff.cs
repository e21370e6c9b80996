namespace Npa.Capture.Sources;

/// <summary>Computes successive reconnect delays from <see cref="BackoffOptions"/>; the injected <see cref="Random"/> makes jitter reproducible.</summary>
public sealed class Backoff
{
    private readonly BackoffOptions _options;
    private readonly Random _random;

    public Backoff(BackoffOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _random = random;
    }

    /// <summary>Number of delays handed out since the last <see cref="Reset"/>.</summary>
    public int Attempt { get; private set; }

    /// <summary>The delay before the next attempt; grows with each call.</summary>
    public TimeSpan Next()
    {
        double baseMs = _options.Initial.TotalMilliseconds * Math.Pow(_options.Multiplier, Attempt);
        double capped = Math.Min(baseMs, _options.Max.TotalMilliseconds);
        double factor = 1.0 + (_options.Jitter * ((2.0 * _random.NextDouble()) - 1.0));
        Attempt++;
        return TimeSpan.FromMilliseconds(Math.Min(capped * factor, _options.Max.TotalMilliseconds));
    }

    /// <summary>Starts again from <see cref="BackoffOptions.Initial"/> (after a good frame).</summary>
    public void Reset() => Attempt = 0;
}
