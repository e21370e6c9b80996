namespace Npa.Monitor.Models.Promotion;

/// <summary>What a line of the model history records.</summary>
public enum ModelAction
{
    /// <summary>A package was validated and installed as the serving one.</summary>
    Promote,

    /// <summary>The previous package was put back.</summary>
    Rollback,
}
