namespace Npa.Monitor.Pipeline;

/// <summary>What the capture front end made of one sampled frame.</summary>
public enum PreparedOutcome
{
    /// <summary>A face crop passed the gate and was preprocessed for the model.</summary>
    Ready,

    /// <summary>No face was found.</summary>
    NoFace,

    /// <summary>A face was found but failed the quality gate.</summary>
    LowQuality,
}
