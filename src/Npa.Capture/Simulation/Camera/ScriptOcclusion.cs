using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation.Camera;

/// <summary>An occluder over the face from <see cref="Start"/> for <see cref="Duration"/> (offsets into the script).</summary>
public sealed record ScriptOcclusion(TimeSpan Start, TimeSpan Duration, OcclusionKind Kind);
