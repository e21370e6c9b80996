using Npa.Capture.Frames;
using Npa.Monitor.Inference;

namespace Npa.Monitor.Aggregation;

/// <summary>One input to a bed's aggregator.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Result">The model's output, for <see cref="ObservationKind.Assessed"/>.</param>
/// <param name="Camera">The new camera status, for <see cref="ObservationKind.Camera"/>.</param>
/// <param name="Detail">Why a frame was not assessable (e.g. the quality gate's reason).</param>
public sealed record BedObservation(DateTimeOffset Time, ObservationKind Kind, InferenceResult? Result = null, CameraStatus? Camera = null, string? Detail = null)
{
    public static BedObservation Assessed(DateTimeOffset time, InferenceResult result) => new(time, ObservationKind.Assessed, Result: result);

    public static BedObservation NoFace(DateTimeOffset time) => new(time, ObservationKind.NoFace);

    public static BedObservation LowQuality(DateTimeOffset time, string reason) => new(time, ObservationKind.LowQuality, Detail: reason);

    public static BedObservation CameraChanged(DateTimeOffset time, CameraStatus status, string? detail = null) => new(time, ObservationKind.Camera, Camera: status, Detail: detail);

    public static BedObservation Tick(DateTimeOffset time) => new(time, ObservationKind.Tick);
}
