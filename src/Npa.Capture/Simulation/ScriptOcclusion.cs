namespace Npa.Capture.Simulation;

/// <summary>An occluder over the face from <see cref="Start"/> for <see cref="Duration"/> (offsets into the script).</summary>
public sealed record ScriptOcclusion(TimeSpan Start, TimeSpan Duration, OcclusionKind Kind);
