namespace Npa.Capture.Detection;

/// <summary>Which face detector a bed uses.</summary>
public enum DetectorKind
{
    BlazeFace,
    Haar,
    FixedRoi,
}
