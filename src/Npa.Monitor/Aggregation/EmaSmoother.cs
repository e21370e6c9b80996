namespace Npa.Monitor.Aggregation;

/// <summary>Exponential moving average whose weight follows the time between samples, so uneven frame rates smooth alike.</summary>
public sealed class EmaSmoother : IScoreSmoother
{
    private readonly double _halfLifeSeconds;
    private double _value;
    private DateTimeOffset? _last;

    public EmaSmoother(double halfLifeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeSeconds);
        _halfLifeSeconds = halfLifeSeconds;
    }

    public double Add(DateTimeOffset time, double score)
    {
        if (_last is not { } last)
        {
            _value = score;
        }
        else
        {
            double dt = Math.Max(0, (time - last).TotalSeconds);
            double weight = 1 - Math.Pow(2, -dt / _halfLifeSeconds);
            _value += weight * (score - _value);
        }
        if (_last is null || time > _last) _last = time;
        return _value;
    }

    public void Reset() => _last = null;
}
