using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Capture.Tests.Support;
using OpenCvSharp;

namespace Npa.Capture.Tests.Diagnostics;

public sealed class CaptureMetrics_Tests
{
    [Fact]
    public void Stages_And_Outcomes_Are_Published_On_The_Npa_Capture_Meter()
    {
        using var metrics = new CaptureMetrics();
        using var stages = new StageRecorder(metrics);
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string key = instrument.Name + ":" + string.Join(",", tags.ToArray().Where(t => t.Key != "bed").Select(t => t.Value));
            counts.AddOrUpdate(key, value, (_, v) => v + value);
        });
        listener.Start();
        using var detector = new FixedRoiDetector(new RoiOptions());
        DateTimeOffset now = DateTimeOffset.UnixEpoch;
        Frame[] frames =
        [
            new("bed-4", 1, now, TimedFrameSource.Textured(160, 120)),
            new("bed-4", 2, now, new Mat(120, 160, MatType.CV_8UC3, Scalar.All(0))),
            new("bed-4", 3, now, TimedFrameSource.Textured(160, 120)),
        ];

        frames.ToObservable()
            .DetectFaces(detector, metrics: metrics)
            .CropFaces(new CropSpec(), metrics)
            .GateQuality(new QualityRules(), null, metrics)
            .Subscribe(crop => crop.Dispose());

        Assert.Equal("Npa.Capture", metrics.Meter.Name);
        Assert.Equal(3, stages.Samples("detect").Count);
        Assert.Equal(3, stages.Samples("crop").Count);
        Assert.Equal(3, stages.Samples("quality").Count);
        Assert.Equal(2, counts["npa.capture.frames:accepted"]);
        Assert.Equal(1, counts["npa.capture.frames:rejected"]);
        Assert.Equal(1, counts["npa.capture.rejections:TooDark"]);
        Assert.Equal(1, counts["npa.capture.rejections:Blurry"]);
        Assert.Equal(1, counts["npa.capture.rejections:Clipped"]);
        Assert.Equal(2, metrics.For("bed-4").Accepted);
        Assert.Equal(1, metrics.For("bed-4").Rejected);
    }
}
