using Microsoft.Extensions.Options;
using Npa.Capture.Configuration;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Quality;
using Npa.Capture.Sources;

namespace Npa.Capture.Tests.Configuration;

public sealed class CaptureOptionsValidator_Tests
{
    [Fact]
    public void Defaults_Are_Valid()
    {
        Assert.True(new CaptureOptionsValidator().Validate(null, new CaptureOptions()).Succeeded);
        Assert.True(new CameraOptionsValidator().Validate("bed-1", new CameraOptions { BedId = "bed-1" }).Succeeded);
    }

    [Fact]
    public void Every_Bad_Field_Is_Named_With_Its_Path_And_Value()
    {
        var options = new CaptureOptions
        {
            AssessmentRateHz = 0,
            OpenCvThreads = -1,
            Detector = new DetectorOptions
            {
                Kind = DetectorKind.Haar,
                Haar = new HaarOptions { ScaleFactor = 1.0, MinNeighbors = 0 },
                Tracker = new TrackerOptions { Smoothing = 0 },
            },
            Crop = new CropSpec { Margin = -0.1, OutputSize = 8 },
            Quality = new QualityRules { MinDetectorScore = 1.5 },
        };

        ValidateOptionsResult result = new CaptureOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Capture.AssessmentRateHz must be in (0, 120] (got 0).",
            "Capture.OpenCvThreads must be in [0, 64] (got -1).",
            "Capture.Detector.Haar.ScaleFactor must be in (1, 2] (got 1).",
            "Capture.Detector.Haar.MinNeighbors must be in 1..50 (got 0).",
            "Capture.Detector.Tracker.Smoothing must be in (0, 1] (got 0).",
            "Capture.Crop.Margin must be in [0, 2] (got -0.1).",
            "Capture.Crop.OutputSize must be in 16..2048 (got 8).",
            "Capture.Quality.MinDetectorScore must be in [0, 1] (got 1.5).",
        ], result.Failures);
    }

    [Fact]
    public void Only_The_Selected_Detector_Is_Checked()
    {
        var options = new CaptureOptions
        {
            Detector = new DetectorOptions { Kind = DetectorKind.FixedRoi, BlazeFace = new BlazeFaceOptions { ScoreThreshold = 7 } },
        };

        Assert.True(new CaptureOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Bed_Camera_Problems_Name_The_Bed()
    {
        ValidateOptionsResult result = new CameraOptionsValidator().Validate("bed-3", new CameraOptions { BedId = "bed-3", Kind = CameraKind.File, Target = "" });

        Assert.Equal(["Beds.bed-3.Camera.Target is required for a File camera."], result.Failures);
    }
}
