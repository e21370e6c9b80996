namespace Npa.Monitor.Models;

/// <summary>A metric the gate tests, and which direction is better.</summary>
public enum GateMetric
{
    /// <summary>Higher is better.</summary>
    Accuracy,

    /// <summary>Lower is better.</summary>
    Mae,

    /// <summary>Recall of the severe band (NIPS ≥ 5); higher is better.</summary>
    SevereRecall,
}
