using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation.Camera;

/// <summary>What the script says at one instant.</summary>
public sealed record TimelineState(string Segment, int Nips, OcclusionKind Occlusion, bool CameraOnline);
