namespace Npa.Capture.Simulation.Rendering;

/// <summary>What covers part of the face, as seen on neonatal wards.</summary>
public enum OcclusionKind
{
    None,
    CpapMask,
    NasalCannula,
    Tape,
    Pacifier,
    GlovedHand,
    FrameExit,
}
