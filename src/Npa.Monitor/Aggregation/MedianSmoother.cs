namespace Npa.Monitor.Aggregation;

/// <summary>Median of the last N scores: one wild frame cannot move it.</summary>
public sealed class MedianSmoother : IScoreSmoother
{
    private readonly int _window;
    private readonly Queue<double> _scores;
    private readonly List<double> _sorted;

    public MedianSmoother(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        _window = window;
        _scores = new Queue<double>(window);
        _sorted = new List<double>(window);
    }

    public double Add(DateTimeOffset time, double score)
    {
        if (_scores.Count == _window) _scores.Dequeue();
        _scores.Enqueue(score);
        _sorted.Clear();
        _sorted.AddRange(_scores);
        _sorted.Sort();
        int n = _sorted.Count;
        return n % 2 == 1 ? _sorted[n / 2] : (_sorted[(n / 2) - 1] + _sorted[n / 2]) / 2;
    }

    public void Reset() => _scores.Clear();
}
