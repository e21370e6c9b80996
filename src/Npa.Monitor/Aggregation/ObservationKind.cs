namespace Npa.Monitor.Aggregation;

/// <summary>What happened on a bed.</summary>
public enum ObservationKind
{
    /// <summary>A face crop was scored by the model.</summary>
    Assessed,

    /// <summary>A frame was sampled but no face was found.</summary>
    NoFace,

    /// <summary>A face was found but failed the quality gate.</summary>
    LowQuality,

    /// <summary>The camera's connection status changed.</summary>
    Camera,

    /// <summary>Time passed (drives timeouts when no frames arrive).</summary>
    Tick,
}
