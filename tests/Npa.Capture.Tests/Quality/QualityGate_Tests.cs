using Npa.Capture.Quality;
using OpenCvSharp;

namespace Npa.Capture.Tests.Quality;

public sealed class QualityGate_Tests
{
    private static Mat Textured(double brightness)
    {
        var image = new Mat(200, 200, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        Cv2.GaussianBlur(image, image, new Size(3, 3), 0);
        image.ConvertTo(image, MatType.CV_8UC3, 0.5, brightness - 64);
        return image;
    }

    [Fact]
    public void Blurring_A_Crop_Lowers_Its_Sharpness_Below_The_Rule()
    {
        using Mat sharp = Textured(128);
        using var blurred = new Mat();
        Cv2.GaussianBlur(sharp, blurred, new Size(0, 0), 6);
        var rules = new QualityRules();

        QualityReport sharpReport = QualityMeter.Measure(sharp, 100, 0.9);
        QualityReport blurredReport = QualityMeter.Measure(blurred, 100, 0.9);

        Assert.True(sharpReport.Sharpness > 10 * blurredReport.Sharpness, $"{sharpReport.Sharpness} vs {blurredReport.Sharpness}");
        Assert.Equal(QualityReasons.None, rules.Evaluate(sharpReport));
        Assert.Equal(QualityReasons.Blurry, rules.Evaluate(blurredReport));
    }

    [Fact]
    public void Dark_And_Blown_Out_Crops_Give_Exposure_Reasons()
    {
        using Mat dark = Textured(20);
        using var white = new Mat(100, 100, MatType.CV_8UC3, Scalar.All(255));
        var rules = new QualityRules { MinSharpness = 0 };

        QualityReasons darkReasons = rules.Evaluate(QualityMeter.Measure(dark, 100, 0.9));
        QualityReport whiteReport = QualityMeter.Measure(white, 100, 0.9);

        Assert.True(darkReasons.HasFlag(QualityReasons.TooDark), darkReasons.ToString());
        Assert.Equal(1.0, whiteReport.ClippedFraction);
        Assert.Equal(QualityReasons.TooBright | QualityReasons.Clipped, rules.Evaluate(whiteReport));
    }

    [Fact]
    public void Small_Face_And_Low_Score_Are_Each_Flagged()
    {
        var rules = new QualityRules { MinFacePixels = 48, MinDetectorScore = 0.6 };
        var report = new QualityReport(FacePixels: 30, Sharpness: 500, MeanLuma: 120, ClippedFraction: 0, DetectorScore: 0.4);

        Assert.Equal(QualityReasons.TooSmall | QualityReasons.LowDetectorScore, rules.Evaluate(report));
    }

    [Fact]
    public void Invalid_Rules_Give_Readable_Messages()
    {
        var rules = new QualityRules { MinMeanLuma = 200, MaxMeanLuma = 100, MaxClippedFraction = 2 };

        string[] problems = rules.Validate().ToArray();

        Assert.Contains("Quality.MinMeanLuma (200) must be below Quality.MaxMeanLuma (100), both within 0..255.", problems);
        Assert.Contains("Quality.MaxClippedFraction must be in [0, 1] (got 2).", problems);
    }
}
