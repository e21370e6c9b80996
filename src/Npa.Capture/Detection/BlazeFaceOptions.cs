namespace Npa.Capture.Detection;

/// <summary>Settings of the BlazeFace (front 128×128, ONNX) detector.</summary>
public sealed record BlazeFaceOptions
{
    /// <summary>Where <c>./npa setup</c> puts the model, relative to the repository root.</summary>
    public const string DefaultModelPath = "assets/blazeface/face_detection_front_128x128_barracuda.onnx";

    public string ModelPath { get; init; } = DefaultModelPath;

    /// <summary>Minimum sigmoid score of a face (MediaPipe uses 0.75 for this model).</summary>
    public double ScoreThreshold { get; init; } = 0.75;

    /// <summary>Candidates overlapping more than this are blended into one (weighted NMS).</summary>
    public double NmsIoU { get; init; } = 0.3;

    /// <summary>ONNX Runtime intra-op threads; small, since beds run in parallel.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate(string prefix = "BlazeFace")
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            yield return $"{prefix}.ModelPath is required.";
        }

        if (!(ScoreThreshold is > 0 and < 1))
        {
            yield return $"{prefix}.ScoreThreshold must be in (0, 1) (got {ScoreThreshold}).";
        }

        if (!(NmsIoU is > 0 and < 1))
        {
            yield return $"{prefix}.NmsIoU must be in (0, 1) (got {NmsIoU}).";
        }

        if (Threads is < 1 or > 64)
        {
            yield return $"{prefix}.Threads must be in 1..64 (got {Threads}).";
        }
    }
}
