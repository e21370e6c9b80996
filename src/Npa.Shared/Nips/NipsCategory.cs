namespace Npa.Shared.Nips;

/// <summary>Clinical pain band of a NIPS score.</summary>
public enum NipsCategory
{
    /// <summary>NIPS 0–2.</summary>
    NoPain = 0,

    /// <summary>NIPS 3–4.</summary>
    MildToModerate = 1,

    /// <summary>NIPS 5–7.</summary>
    Severe = 2,
}
