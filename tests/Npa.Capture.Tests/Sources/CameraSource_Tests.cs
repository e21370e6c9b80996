using System.Reactive.Concurrency;
using Npa.Capture.Frames;
using Npa.Capture.Sources;
using Npa.Capture.Tests.Support;

namespace Npa.Capture.Tests.Sources;

public sealed class CameraSource_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CameraOptions Live(BackoffOptions backoff) => new()
    {
        BedId = "bed-1",
        Kind = CameraKind.Stream,
        Target = "rtsp://127.0.0.1:8554/bed-1",
        Fps = 10,
        Reconnect = backoff,
    };

    [Fact]
    public void Live_Source_Reconnects_With_Exponential_Delays_And_Reports_Status()
    {
        var scheduler = new HistoricalScheduler(Start);
        // Attempts: 3 failures, a device that gives 3 frames and drops, 1 failure, then a device that keeps going.
        var script = new Queue<Func<IVideoDevice>>([
            () => throw new IOException("camera unplugged"),
            () => throw new IOException("camera unplugged"),
            () => throw new IOException("camera unplugged"),
            () => new ScriptedDevice(3),
            () => throw new IOException("camera unplugged"),
            () => new ScriptedDevice(1000),
        ]);
        var opens = new List<TimeSpan>();
        using var source = new CameraSource(
            Live(new BackoffOptions { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(30), Multiplier = 2, Jitter = 0 }),
            () =>
            {
                opens.Add(scheduler.Now - Start);
                return script.Dequeue()();
            },
            scheduler,
            new Random(1));
        var statuses = new List<(double At, CameraStatus Status)>();
        var frames = new List<(double At, long Sequence)>();
        using IDisposable statusSubscription = source.Status.Subscribe(s => statuses.Add(((scheduler.Now - Start).TotalSeconds, s)));
        using IDisposable frameSubscription = source.Frames.Subscribe(f =>
        {
            using (f)
            {
                frames.Add(((scheduler.Now - Start).TotalSeconds, f.Sequence));
            }
        });

        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(10.45));

        // Delays 1, 2, 4 s; after good frames the backoff restarts at 1 s, then 2 s.
        Assert.Equal([0.0, 1, 3, 7, 8.3, 10.3], opens.Select(t => Math.Round(t.TotalSeconds, 3)));
        (double, CameraStatus)[] expected =
        [
            (1, CameraStatus.Reconnecting), (1, CameraStatus.Offline),
            (3, CameraStatus.Reconnecting), (3, CameraStatus.Offline),
            (7, CameraStatus.Reconnecting), (7, CameraStatus.Online),
            (7.3, CameraStatus.Offline),
            (8.3, CameraStatus.Reconnecting), (8.3, CameraStatus.Offline),
            (10.3, CameraStatus.Reconnecting), (10.3, CameraStatus.Online),
        ];
        Assert.Equal(expected, statuses.Select(s => (Math.Round(s.At, 3), s.Status)));
        Assert.Equal([7.0, 7.1, 7.2, 10.3, 10.4], frames.Select(f => Math.Round(f.At, 3)));
        Assert.Equal([1L, 2, 3, 4, 5], frames.Select(f => f.Sequence));
        Assert.Equal(CameraStatus.Online, source.CurrentStatus);
    }

    [Fact]
    public void Reconnect_Delays_Stop_Growing_At_The_Maximum()
    {
        var scheduler = new HistoricalScheduler(Start);
        var opens = new List<double>();
        using var source = new CameraSource(
            Live(new BackoffOptions { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(5), Multiplier = 3, Jitter = 0 }),
            () =>
            {
                opens.Add((scheduler.Now - Start).TotalSeconds);
                throw new IOException("no route to camera");
            },
            scheduler,
            new Random(1));
        using IDisposable subscription = source.Frames.Subscribe(f => f.Dispose());

        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(30));

        double[] delays = opens.Zip(opens.Skip(1), (a, b) => Math.Round(b - a, 6)).ToArray();
        Assert.Equal([1.0, 3, 5, 5, 5, 5], delays.Take(6));
    }

    [Fact]
    public void Jittered_Delays_Stay_Within_Bounds_And_Repeat_With_The_Same_Seed()
    {
        var options = new BackoffOptions { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(20), Multiplier = 2, Jitter = 0.25 };
        var first = new Backoff(options, new Random(42));
        var second = new Backoff(options, new Random(42));

        TimeSpan[] a = Enumerable.Range(0, 8).Select(_ => first.Next()).ToArray();
        TimeSpan[] b = Enumerable.Range(0, 8).Select(_ => second.Next()).ToArray();

        Assert.Equal(a, b);
        for (int i = 0; i < a.Length; i++)
        {
            double nominal = Math.Min(Math.Pow(2, i), 20);
            Assert.InRange(a[i].TotalSeconds, nominal * 0.75, Math.Min(nominal * 1.25, 20));
        }

        Assert.Contains(a.Take(4), d => Math.Abs(d.TotalSeconds - Math.Round(d.TotalSeconds)) > 1e-3);
    }

    [Fact]
    public void Finite_Source_Completes_At_Its_End_And_Is_Paced_By_Its_Own_Frame_Rate()
    {
        var scheduler = new HistoricalScheduler(Start);
        var options = new CameraOptions { BedId = "bed-2", Kind = CameraKind.File, Target = "recording.avi" };
        using var source = new CameraSource(options, () => new ScriptedDevice(4, nativeFps: 25), scheduler, new Random(1));
        var times = new List<double>();
        bool completed = false;
        using IDisposable subscription = source.Frames.Subscribe(
            f =>
            {
                using (f)
                {
                    times.Add((f.Timestamp - Start).TotalMilliseconds);
                }
            },
            () => completed = true);

        scheduler.Start();

        Assert.Equal([0.0, 40, 80, 120], times.Select(t => Math.Round(t, 3)));
        Assert.True(completed);
        Assert.Equal(CameraStatus.Offline, source.CurrentStatus);
    }

    [Fact]
    public void Looping_Source_Starts_Again_And_Keeps_Counting()
    {
        var scheduler = new HistoricalScheduler(Start);
        int opened = 0;
        var options = new CameraOptions { BedId = "bed-2", Kind = CameraKind.File, Target = "recording.avi", Loop = true, Fps = 10 };
        using var source = new CameraSource(options, () => { opened++; return new ScriptedDevice(3); }, scheduler, new Random(1));
        var sequences = new List<long>();
        using IDisposable subscription = source.Frames.Subscribe(f =>
        {
            using (f)
            {
                sequences.Add(f.Sequence);
            }
        });

        scheduler.AdvanceTo(Start + TimeSpan.FromSeconds(1.05));

        Assert.Equal(3, opened);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True(sequences.Count >= 8, $"only {sequences.Count} frames in 1 s at 10 fps");
    }

    [Fact]
    public void Missing_File_Fails_The_Stream_With_Its_Path()
    {
        var scheduler = new HistoricalScheduler(Start);
        using var source = CameraSource.Open(new CameraOptions { BedId = "bed-3", Kind = CameraKind.File, Target = "/nonexistent/bed3.mp4" }, scheduler, new Random(1));
        Exception? error = null;
        using IDisposable subscription = source.Frames.Subscribe(f => f.Dispose(), e => error = e);

        scheduler.Start();

        Assert.IsType<FileNotFoundException>(error);
        Assert.Contains("/nonexistent/bed3.mp4", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsubscribing_Closes_The_Device()
    {
        var scheduler = new HistoricalScheduler(Start);
        var device = new ScriptedDevice(1000);
        using var source = new CameraSource(Live(new BackoffOptions()), () => device, scheduler, new Random(1));
        IDisposable subscription = source.Frames.Subscribe(f => f.Dispose());
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        subscription.Dispose();

        Assert.True(device.Disposed);
        Assert.Equal(CameraStatus.Offline, source.CurrentStatus);
    }

    [Fact]
    public void Invalid_Options_Give_Readable_Messages()
    {
        var options = new CameraOptions
        {
            BedId = "",
            Kind = CameraKind.Stream,
            Target = "ftp://camera",
            Fps = -1,
            Reconnect = new BackoffOptions { Initial = TimeSpan.Zero, Jitter = 1.5 },
        };

        var ex = Assert.Throws<ArgumentException>(() => new CameraSource(options, () => new ScriptedDevice(1), Scheduler.Immediate, new Random(1)));

        Assert.Contains("Camera.BedId is required.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("must be an rtsp://, http:// or https:// URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Camera.Fps must be in (0, 240]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Camera.Reconnect.Initial must be positive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Camera.Reconnect.Jitter must be in [0, 1)", ex.Message, StringComparison.Ordinal);
    }
}
