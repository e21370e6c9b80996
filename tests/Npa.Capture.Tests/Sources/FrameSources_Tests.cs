using System.Reactive.Concurrency;
using Npa.Capture.Frames;
using Npa.Capture.Simulation.Camera;
using Npa.Capture.Sources;

namespace Npa.Capture.Tests.Sources;

public sealed class FrameSources_Tests
{
    [Fact]
    public void Simulated_Kind_Gives_The_Simulated_Camera_For_The_Bed()
    {
        var scheduler = new HistoricalScheduler(DateTimeOffset.UnixEpoch);
        IFrameSource source = FrameSources.Create(new CameraOptions { BedId = "bed-5", Kind = CameraKind.Simulated, Fps = 5 }, scheduler, new Random(1));
        using var disposable = (IDisposable)source;
        var frames = new List<(long Sequence, TimeSpan At)>();

        using IDisposable subscription = source.Frames.Subscribe(f =>
        {
            using (f)
            {
                frames.Add((f.Sequence, f.Timestamp - DateTimeOffset.UnixEpoch));
            }
        });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(0.5));

        Assert.IsType<SimulatedBedCamera>(source);
        Assert.Equal("bed-5", source.BedId);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], frames.Select(f => f.At));
    }

    [Fact]
    public void Folder_Kind_Gives_An_OpenCV_Camera_Source()
    {
        IFrameSource source = FrameSources.Create(new CameraOptions { BedId = "bed-6", Kind = CameraKind.Folder, Target = "/tmp" }, Scheduler.Immediate, new Random(1));
        using var disposable = (IDisposable)source;

        Assert.IsType<CameraSource>(source);
    }

    [Fact]
    public void Invalid_Options_Are_Refused_Before_Anything_Opens()
    {
        var ex = Assert.Throws<ArgumentException>(() => FrameSources.Create(new CameraOptions { BedId = "bed-6", Kind = CameraKind.Device }, Scheduler.Immediate, new Random(1)));

        Assert.Contains("Camera.Target is required for a Device camera.", ex.Message, StringComparison.Ordinal);
    }
}
