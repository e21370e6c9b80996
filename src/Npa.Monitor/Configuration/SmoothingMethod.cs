namespace Npa.Monitor.Configuration;

/// <summary>How a bed's raw expected scores are smoothed.</summary>
public enum SmoothingMethod
{
    /// <summary>Exponential moving average with a half-life in seconds (robust to uneven frame times).</summary>
    Ema,

    /// <summary>Median of the last N assessments (robust to single-frame spikes).</summary>
    Median,
}
