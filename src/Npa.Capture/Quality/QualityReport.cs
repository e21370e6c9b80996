namespace Npa.Capture.Quality;

/// <summary>Measures of one face crop that the gate judges and the Monitor publishes.</summary>
/// <param name="FacePixels">Shorter side of the detected face box, in source-frame pixels.</param>
/// <param name="Sharpness">Variance of the Laplacian of the grey crop at <see cref="QualityMeter.MeasureSize"/> px.</param>
/// <param name="MeanLuma">Mean grey level of the crop, 0..255.</param>
/// <param name="ClippedFraction">Fraction of crop pixels at ≤ 5 or ≥ 250.</param>
/// <param name="DetectorScore">The detector's confidence in [0, 1].</param>
public sealed record QualityReport(double FacePixels, double Sharpness, double MeanLuma, double ClippedFraction, double DetectorScore);
