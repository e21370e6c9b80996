namespace Npa.Capture.Simulation.Camera;

/// <summary>A phase of a bed's timeline (rest, procedure, peak pain, recovery); NIPS ramps linearly from <see cref="NipsFrom"/> to <see cref="NipsTo"/>.</summary>
public sealed record ScriptSegment(string Name, TimeSpan Duration, int NipsFrom, int NipsTo);
