using System.Reactive.Concurrency;
using Npa.Capture.Diagnostics;
using Npa.Capture.Frames;
using Npa.Capture.Sources;
using Npa.Capture.Tests.Support;
using OpenCvSharp;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Npa.Capture.Tests.Sources;

/// <summary>The real OpenCV-backed devices: an image folder and a video file written here with OpenCV's MJPG encoder.</summary>
public sealed class OpenCvSources_Tests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("npa-capture-").FullName;

    [Fact]
    public void Image_Folder_Is_Read_In_Name_Order_At_The_Given_Rate()
    {
        foreach ((string name, int level) in new[] { ("b.png", 20), ("a.jpg", 10), ("c.png", 30) })
        {
            using var image = new Mat(24, 32, MatType.CV_8UC3, Scalar.All(level * 4));
            Cv2.ImWrite(Path.Combine(_dir, name), image);
        }

        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not an image");
        var scheduler = new HistoricalScheduler(Start);
        using var source = CameraSource.Open(new CameraOptions { BedId = "bed-1", Kind = CameraKind.Folder, Target = _dir, Fps = 4 }, scheduler, new Random(1));
        var seen = new List<(double Ms, double Level)>();
        bool completed = false;
        using IDisposable subscription = source.Frames.Subscribe(
            f =>
            {
                using (f)
                {
                    seen.Add(((f.Timestamp - Start).TotalMilliseconds, Math.Round(Cv2.Mean(f.Image).Val0)));
                }
            },
            () => completed = true);

        scheduler.Start();

        Assert.Equal([(0.0, 40.0), (250, 80), (500, 120)], seen);
        Assert.True(completed);
    }

    [Fact]
    public void Undecodable_Image_Is_Skipped_Counted_And_Logged_Once_So_A_Looping_Folder_Moves_On()
    {
        foreach ((string name, int level) in new[] { ("a.png", 10), ("c.png", 30) })
        {
            using var image = new Mat(24, 32, MatType.CV_8UC3, Scalar.All(level * 4));
            Cv2.ImWrite(Path.Combine(_dir, name), image);
        }

        File.WriteAllText(Path.Combine(_dir, "b.png"), "not a png: a copy cut short");
        var scheduler = new HistoricalScheduler(Start);
        var options = new CameraOptions { BedId = "bed-1", Kind = CameraKind.Folder, Target = _dir, Fps = 4, Loop = true };
        using var metrics = new CaptureMetrics();
        var log = new ListLogger();
        using var source = CameraSource.Open(options, scheduler, new Random(1), metrics, log);
        var levels = new List<double>();
        Exception? error = null;
        using IDisposable subscription = source.Frames.Subscribe(
            f =>
            {
                using (f)
                {
                    levels.Add(Math.Round(Cv2.Mean(f.Image).Val0));
                }
            },
            e => error = e);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(2.9));

        Assert.Null(error);
        Assert.Equal([40.0, 120, 40, 120, 40, 120, 40, 120], levels);
        Assert.Equal(4, metrics.For("bed-1").Undecodable); // once per pass
        var warning = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains(Path.Combine(_dir, "b.png"), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_Where_No_Image_Decodes_Fails_With_Its_Name()
    {
        File.WriteAllText(Path.Combine(_dir, "a.png"), "not a png");
        File.WriteAllText(Path.Combine(_dir, "b.jpg"), "not a jpeg");
        var scheduler = new HistoricalScheduler(Start);
        using var metrics = new CaptureMetrics();
        var options = new CameraOptions { BedId = "bed-1", Kind = CameraKind.Folder, Target = _dir, Loop = true };
        using var source = CameraSource.Open(options, scheduler, new Random(1), metrics);
        Exception? error = null;
        using IDisposable subscription = source.Frames.Subscribe(f => f.Dispose(), e => error = e);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.NotNull(error);
        Assert.Contains($"image folder '{_dir}' holds no image that decodes (2 tried)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, metrics.For("bed-1").Undecodable);
    }

    [Fact]
    public void Empty_Folder_Fails_With_Its_Name()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var source = CameraSource.Open(new CameraOptions { BedId = "bed-1", Kind = CameraKind.Folder, Target = _dir }, scheduler, new Random(1));
        Exception? error = null;
        using IDisposable subscription = source.Frames.Subscribe(f => f.Dispose(), e => error = e);

        scheduler.Start();

        Assert.NotNull(error);
        Assert.Contains($"image folder '{_dir}' holds no images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Video_File_Plays_Every_Frame_Then_Completes()
    {
        string path = Path.Combine(_dir, "bed.avi");
        using (var writer = new VideoWriter(path, FourCC.MJPG, 25, new Size(64, 48)))
        {
            Assert.True(writer.IsOpened(), "OpenCV could not open an MJPG writer");
            for (int i = 0; i < 6; i++)
            {
                using var image = new Mat(48, 64, MatType.CV_8UC3, Scalar.All(i * 40));
                writer.Write(image);
            }
        }

        var scheduler = new HistoricalScheduler(Start);
        using var source = CameraSource.Open(new CameraOptions { BedId = "bed-1", Kind = CameraKind.File, Target = path }, scheduler, new Random(1));
        var frames = new List<(double Ms, double Level, Size Size)>();
        bool completed = false;
        using IDisposable subscription = source.Frames.Subscribe(
            f =>
            {
                using (f)
                {
                    frames.Add(((f.Timestamp - Start).TotalMilliseconds, Cv2.Mean(f.Image).Val0, f.Image.Size()));
                }
            },
            () => completed = true);

        scheduler.Start();

        Assert.True(completed);
        Assert.Equal(6, frames.Count);
        Assert.All(frames, f => Assert.Equal(new Size(64, 48), f.Size));
        Assert.Equal([0.0, 40, 80, 120, 160, 200], frames.Select(f => Math.Round(f.Ms)));
        for (int i = 0; i < 6; i++)
        {
            Assert.InRange(frames[i].Level, (i * 40) - 3, (i * 40) + 3);
        }
    }

    [Fact]
    public void Unreachable_Stream_Stays_Offline_And_Keeps_Retrying()
    {
        var scheduler = new HistoricalScheduler(Start);
        var options = new CameraOptions
        {
            BedId = "bed-9",
            Kind = CameraKind.Device,
            Target = "/dev/npa-no-such-camera",
            Reconnect = new BackoffOptions { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(2), Jitter = 0 },
        };
        using var source = CameraSource.Open(options, scheduler, new Random(1));
        var statuses = new List<CameraStatus>();
        using IDisposable statusSubscription = source.Status.Subscribe(statuses.Add);
        Exception? error = null;
        using IDisposable subscription = source.Frames.Subscribe(f => f.Dispose(), e => error = e);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(4));

        Assert.Null(error);
        Assert.Equal([CameraStatus.Reconnecting, CameraStatus.Offline, CameraStatus.Reconnecting, CameraStatus.Offline], statuses);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
