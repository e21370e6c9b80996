using System.Reactive.Concurrency;
using Microsoft.Extensions.Options;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Sources;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Support;
using BedCounters = Npa.Monitor.Pipeline.BedCounters;
using CaptureOptions = Npa.Capture.Configuration.CaptureOptions;

namespace Npa.Monitor.Tests.Pipeline;

/// <summary>The rate a bed's frames arrive at, which its camera-silence threshold follows.</summary>
public sealed class FrontEndRate_Tests
{
    [Theory]
    [InlineData(CameraKind.Simulated, null, null, 4.0)]       // 10 fps sampled at 4 Hz
    [InlineData(CameraKind.Simulated, 2.0, null, 2.0)]        // the camera is slower than the assessment rate
    [InlineData(CameraKind.Simulated, null, 0.5, 0.5)]        // the bed's own assessment rate
    [InlineData(CameraKind.Stream, null, null, 4.0)]          // a live camera's pace is unknown until it opens
    [InlineData(CameraKind.Folder, 1.0, null, 1.0)]
    public void Front_End_Says_Its_Frames_Come_At_The_Camera_Pace_At_Most_The_Assessment_Rate(CameraKind kind, double? fps, double? bedRate, double expected)
    {
        using var metrics = new CaptureMetrics();
        using var factory = new CaptureFrontEndFactory(Options.Create(new CaptureOptions { AssessmentRateHz = 4 }), metrics, new HistoricalScheduler());
        using var models = new ModelHolder(new FakeEngine("m").Loaded());
        var bed = new BedOptions
        {
            Id = "bed-1",
            Camera = new CameraOptions { Kind = kind, Target = kind switch { CameraKind.Stream => "rtsp://cam", CameraKind.Folder => "/nonexistent", _ => "" }, Fps = fps },
            AssessmentRateHz = bedRate,
            Detector = new DetectorOptions { Kind = DetectorKind.FixedRoi },
        };

        using var frontEnd = factory.Create(bed, new BedCounters("bed-1"), models);

        Assert.Equal(expected, frontEnd.FramesPerSecond);
    }
}
