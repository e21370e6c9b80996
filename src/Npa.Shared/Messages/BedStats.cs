namespace Npa.Shared.Messages;

/// <summary>Throughput of one bed's pipeline over the last stats interval.</summary>
public sealed record BedStats
{
    /// <summary>The bed.</summary>
    public required string BedId { get; init; }

    /// <summary>Frames per second delivered by the camera.</summary>
    public required double CameraFps { get; init; }

    /// <summary>Frames per second assessed by the model.</summary>
    public required double AssessedFps { get; init; }

    /// <summary>Frames per second dropped (sampler, no face, quality gate, full queue).</summary>
    public required double SkippedFps { get; init; }

    /// <summary>Mean inference time per frame, in milliseconds.</summary>
    public required double InferenceMs { get; init; }

    /// <summary>Frames waiting for inference at the time of the report.</summary>
    public required int QueueDepth { get; init; }
}
