namespace Npa.Capture.Diagnostics;

/// <summary>A timed stage of the capture pipeline; the lower-case name is the metric's <c>stage</c> tag.</summary>
public enum CaptureStage
{
    Decode,
    Detect,
    Crop,
    Quality,
    Preprocess,
}
