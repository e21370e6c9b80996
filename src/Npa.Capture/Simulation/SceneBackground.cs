namespace Npa.Capture.Simulation;

/// <summary>What lies behind and around the neonate's head.</summary>
public enum SceneBackground
{
    IncubatorWall,
    Blanket,
    Mattress,
}
