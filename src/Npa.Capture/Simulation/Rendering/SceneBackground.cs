namespace Npa.Capture.Simulation.Rendering;

/// <summary>What lies behind and around the neonate's head.</summary>
public enum SceneBackground
{
    IncubatorWall,
    Blanket,
    Mattress,
}
