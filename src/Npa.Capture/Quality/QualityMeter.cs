using OpenCvSharp;

namespace Npa.Capture.Quality;

/// <summary>Measures sharpness and exposure of a BGR crop; stateless, does not take ownership of its input.</summary>
public static class QualityMeter
{
    /// <summary>Side the crop is resized to before measuring, so that sharpness does not depend on the face's pixel size.</summary>
    public const int MeasureSize = 128;

    private const byte ClipLow = 5;
    private const byte ClipHigh = 250;

    /// <summary>Measures <paramref name="crop"/> (8-bit BGR); face size and score come from the detection.</summary>
    public static QualityReport Measure(Mat crop, double facePixels, double detectorScore)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Empty() || crop.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"quality needs a non-empty 8-bit BGR crop (got {crop.Type()}, {crop.Width}×{crop.Height})", nameof(crop));
        }

        using var gray = new Mat();
        using var small = new Mat();
        using var laplacian = new Mat();
        Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.Resize(gray, small, new Size(MeasureSize, MeasureSize), 0, 0, InterpolationFlags.Area);
        Cv2.Laplacian(small, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out Scalar stdDev);
        double mean = Cv2.Mean(small).Val0;
        int total = small.Rows * small.Cols;
        using var low = new Mat();
        using var high = new Mat();
        Cv2.Compare(small, new Scalar(ClipLow), low, CmpTypes.LE);
        Cv2.Compare(small, new Scalar(ClipHigh), high, CmpTypes.GE);
        double clipped = (Cv2.CountNonZero(low) + Cv2.CountNonZero(high)) / (double)total;
        return new QualityReport(facePixels, stdDev.Val0 * stdDev.Val0, mean, clipped, detectorScore);
    }
}
