using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Aggregation;
using Npa.Shared.Messages;

namespace Npa.Monitor.Replay;

/// <summary>Everything a replay saw: the scripts and their per-frame truth, and what the monitor published.</summary>
/// <param name="Beds">The beds, in configuration order.</param>
/// <param name="Start">Virtual time at which every camera started.</param>
/// <param name="Duration">Virtual time replayed.</param>
/// <param name="WallTime">How long it took.</param>
/// <param name="Truth">Every camera tick's ground truth (dropouts included).</param>
/// <param name="Sampled">Every frame the samplers took, scored or not.</param>
/// <param name="Assessments">The assessment messages, as MQTT would carry them.</param>
/// <param name="Alerts">The alert events, as MQTT would carry them.</param>
/// <param name="States">The retained state messages.</param>
/// <param name="Statuses">The retained status messages.</param>
/// <param name="Gate">Alerts:MinConfidence and Alerts:MaxScoreSpread of the configuration: assessments it calls low confidence do not move the score.</param>
/// <param name="ModelId">The model that served.</param>
public sealed record ReplayRecording(
    IReadOnlyList<ReplayBed> Beds,
    DateTimeOffset Start,
    TimeSpan Duration,
    TimeSpan WallTime,
    IReadOnlyList<FrameGroundTruth> Truth,
    IReadOnlyList<SampledFrame> Sampled,
    IReadOnlyList<AssessmentMessage> Assessments,
    IReadOnlyList<AlertEventMessage> Alerts,
    IReadOnlyList<BedStateMessage> States,
    IReadOnlyList<BedStatusMessage> Statuses,
    ReadingGate Gate,
    string ModelId);
