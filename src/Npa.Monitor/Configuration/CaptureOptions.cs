namespace Npa.Monitor.Configuration;

/// <summary>The <c>Capture</c> section: face detection, cropping and the quality gate shared by all beds.</summary>
public sealed class CaptureOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Capture";

    /// <summary>Default face detector: <c>blazeface</c> or <c>haar</c>.</summary>
    public string Detector { get; set; } = "blazeface";

    /// <summary>BlazeFace ONNX file (relative paths resolve against the working directory).</summary>
    public string BlazeFaceModelPath { get; set; } = "assets/blazeface/face_detection_front_128x128_barracuda.onnx";

    /// <summary>Minimum detector score to accept a face, 0.05–0.99.</summary>
    public double MinDetectionScore { get; set; } = 0.5;

    /// <summary>Margin added around the face box before the square crop, as a fraction of its size, 0–1.</summary>
    public double CropMargin { get; set; } = 0.25;

    /// <summary>Smallest face side in pixels the gate accepts, 16–1024.</summary>
    public int MinFaceSize { get; set; } = 48;

    /// <summary>Lowest Laplacian variance (sharpness) the gate accepts, 0–10000.</summary>
    public double MinSharpness { get; set; } = 20;

    /// <summary>Lowest mean brightness (0–255) the gate accepts.</summary>
    public double MinBrightness { get; set; } = 30;

    /// <summary>Highest mean brightness (0–255) the gate accepts.</summary>
    public double MaxBrightness { get; set; } = 230;

    /// <summary>First wait before reopening a failed camera, 0.1–60 s; doubles up to <see cref="MaxReconnectDelaySeconds"/>.</summary>
    public double ReconnectDelaySeconds { get; set; } = 1;

    /// <summary>Longest wait between reconnect attempts, 1–600 s.</summary>
    public double MaxReconnectDelaySeconds { get; set; } = 30;
}
