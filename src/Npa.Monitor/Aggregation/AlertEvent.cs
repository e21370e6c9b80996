using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Aggregation;

/// <summary>One pain-episode event of one bed.</summary>
/// <param name="BedId">Bed of the episode.</param>
/// <param name="EpisodeId">Stable id shared by the episode's start, updates and end.</param>
/// <param name="Kind">Start, update or end.</param>
/// <param name="Sequence">Per-bed event number, increasing by one (lets receivers spot gaps and order).</param>
/// <param name="Category">Band of the episode's peak so far.</param>
/// <param name="Peak">Highest smoothed score in the episode so far.</param>
/// <param name="Score">Smoothed score when the event was raised (null once the signal is lost).</param>
/// <param name="StartedAt">When the score first crossed the start threshold (onset, before the sustain time).</param>
/// <param name="Time">When the event was raised.</param>
/// <param name="EndedAt">End time, on end events.</param>
/// <param name="Reason">Why: <c>sustained</c>, <c>periodic</c>, <c>category_rise</c>, <c>resolved</c>, <c>signal_lost</c>, <c>shutdown</c>.</param>
public sealed record AlertEvent(
    string BedId,
    string EpisodeId,
    AlertEventKind Kind,
    long Sequence,
    NipsCategory Category,
    double Peak,
    double? Score,
    DateTimeOffset StartedAt,
    DateTimeOffset Time,
    DateTimeOffset? EndedAt,
    string Reason);
