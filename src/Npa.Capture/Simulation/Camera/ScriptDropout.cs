namespace Npa.Capture.Simulation.Camera;

/// <summary>The camera delivers no frames from <see cref="Start"/> for <see cref="Duration"/>.</summary>
public sealed record ScriptDropout(TimeSpan Start, TimeSpan Duration);
