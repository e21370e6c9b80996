using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Replay;

/// <summary>One frame the bed's sampler took, with what became of it (scored, no face, low quality).</summary>
public sealed record SampledFrame(string BedId, long Sequence, DateTimeOffset Time, PreparedOutcome Outcome);
