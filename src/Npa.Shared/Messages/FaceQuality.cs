namespace Npa.Shared.Messages;

/// <summary>Quality measures of a face crop, as the capture quality gate saw them.</summary>
/// <param name="DetectorScore">Face detector confidence, 0..1.</param>
/// <param name="Sharpness">Variance of the Laplacian of the grey crop (higher is sharper).</param>
/// <param name="Brightness">Mean grey level of the crop, 0..255.</param>
public sealed record FaceQuality(double DetectorScore, double Sharpness, double Brightness);
