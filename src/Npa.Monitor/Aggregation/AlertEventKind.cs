namespace Npa.Monitor.Aggregation;

/// <summary>Stage of a pain episode event.</summary>
public enum AlertEventKind
{
    /// <summary>The smoothed score stayed high for the sustain time.</summary>
    Start,

    /// <summary>The episode goes on (periodic, or its category rose).</summary>
    Update,

    /// <summary>The score stayed low for the end sustain time, or the signal was lost.</summary>
    End,
}
