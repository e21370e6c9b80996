namespace Npa.Monitor.Aggregation;

/// <summary>Turns a bed's raw expected NIPS scores into a steadier one.</summary>
public interface IScoreSmoother
{
    /// <summary>Adds one score observed at <paramref name="time"/> and returns the smoothed value.</summary>
    double Add(DateTimeOffset time, double score);

    /// <summary>Forgets everything (the face was lost; old scores no longer describe the infant).</summary>
    void Reset();
}
