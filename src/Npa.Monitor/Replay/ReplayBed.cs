using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Replay;

/// <summary>A bed of a replay: its configuration (as <c>run</c> would read it) and the script its simulated camera plays.</summary>
public sealed record ReplayBed(BedOptions Options, BedScript Script);
