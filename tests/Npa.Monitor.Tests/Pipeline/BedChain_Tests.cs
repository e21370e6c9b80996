using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npa.Capture.Frames;
using Npa.Capture.Sources;
using Npa.Monitor.Configuration;
using Npa.Monitor.Publishing;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Pipeline;

/// <summary>One bed's chain on a virtual clock: reconnect back-off, scoring through the batcher, the flagged value, a silent camera.</summary>
public sealed class BedChain_Tests : IDisposable
{
    private static readonly BackoffOptions NoJitter = new() { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(30), Multiplier = 2, Jitter = 0 };
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Failing_Camera_Is_Reopened_With_Growing_Delays_That_Restart_After_Frames()
    {
        using var bed = new VirtualBed(NoJitter)
            .ThenFail("camera unplugged").ThenFail("camera unplugged").ThenFail("camera unplugged")
            .ThenFrames(4, 2, failWith: "stream reset")
            .ThenFail("camera unplugged")
            .ThenFrames(1000, 2);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(0.5));
        Assert.Equal("camera unplugged", bed.Chain.Current.CameraDetail);
        bed.Run(TimeSpan.FromSeconds(20));

        // Delays 1, 2, 4 s; the open at 7 s gives frames until 8 s, so the back-off restarts at 1 s, then 2 s.
        Assert.Equal([0.0, 1, 3, 7, 9, 11], bed.Opens.Select(t => Math.Round(t.TotalSeconds, 3)));
        Assert.Equal(5, bed.Counters.CameraErrors);
        var statuses = bed.Published.Statuses.Select(s => (s.Status, s.Detail)).ToList();
        Assert.Contains((BedStatus.Offline, "stream reset"), statuses);
        Assert.Equal(BedStatus.Online, statuses[^1].Status);
        Assert.Equal(CameraStatus.Online, bed.Chain.Current.Camera);
    }

    [Fact]
    public void Camera_That_Stays_Silent_Is_Reported_After_Ten_Frames_And_The_Opening_Allowance()
    {
        // 4 frames a second: ten frames are 2.5 s, so the 5 s floor, plus 10 s to open.
        using var bed = new VirtualBed(NoJitter);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(14.9));
        Assert.Null(bed.Chain.Current.CameraDetail);
        bed.Run(TimeSpan.FromSeconds(15.1));

        Assert.Equal("no frames from camera Stream rtsp://cam for 15 s; still trying", bed.Chain.Current.CameraDetail);
        Assert.Equal(CameraStatus.Offline, bed.Chain.Current.Camera);
    }

    [Fact]
    public void Slow_Camera_Gets_Ten_Of_Its_Own_Frame_Periods_Before_It_Is_Called_Silent()
    {
        // One frame every 5 s: silent after 50 s, the first frame after 60 s.
        using var bed = new VirtualBed(NoJitter, framesPerSecond: 0.2);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(59.9));
        Assert.Null(bed.Chain.Current.CameraDetail);
        bed.Run(TimeSpan.FromSeconds(60.1));

        Assert.Equal("no frames from camera Stream rtsp://cam for 60 s; still trying", bed.Chain.Current.CameraDetail);
    }

    [Fact]
    public void Slow_Camera_Running_Late_Is_Never_Reported_Offline()
    {
        // Configured for one frame every 5 s and starved to one every 6 s: late, not silent.
        using var bed = new VirtualBed(NoJitter, framesPerSecond: 0.2).ThenFrames(30, 2, TimeSpan.FromSeconds(6));
        bed.Chain.Start();

        var details = DetailsUntil(bed, TimeSpan.FromSeconds(180));

        Assert.DoesNotContain(details, d => d.StartsWith("no frames", StringComparison.Ordinal));
        Assert.Equal(CameraStatus.Online, bed.Chain.Current.Camera);
        Assert.True(bed.Chain.Current.AssessedCount > 20);
    }

    [Fact]
    public void Camera_That_Stops_Sending_Without_An_Error_Is_Reported_Silent_And_Online_Again_With_Its_Next_Frame()
    {
        // Frames until 2 s, then nothing until 12 s, and no error (a hung stream).
        using var bed = new VirtualBed(NoJitter).ThenFramesWithGap(8, TimeSpan.FromSeconds(10), 2);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(6.9));
        Assert.Equal(CameraStatus.Online, bed.Chain.Current.Camera);
        bed.Run(TimeSpan.FromSeconds(7.1));
        Assert.Equal(CameraStatus.Offline, bed.Chain.Current.Camera);
        Assert.Equal("no frames from camera Stream rtsp://cam for 5 s; still trying", bed.Chain.Current.CameraDetail);
        bed.Run(TimeSpan.FromSeconds(12.5));

        Assert.Equal(CameraStatus.Online, bed.Chain.Current.Camera);
        Assert.Null(bed.Chain.Current.CameraDetail);
    }

    [Fact]
    public void Reconnect_Attempts_Do_Not_Report_The_Same_Silence_Again()
    {
        // Frames until 2 s, then the stream resets; every reconnect opens, stays silent 6 s and fails (opens at 3, 11, 21, 35 s).
        using var bed = new VirtualBed(NoJitter)
            .ThenFrames(8, 2, failWith: "stream reset")
            .ThenSilence(TimeSpan.FromSeconds(6), "no signal")
            .ThenSilence(TimeSpan.FromSeconds(6), "no signal")
            .ThenSilence(TimeSpan.FromSeconds(6), "no signal");
        bed.Chain.Start();

        var details = DetailsUntil(bed, TimeSpan.FromSeconds(45));

        // The reset said the camera is down; the attempts' silence is the same outage, and each failure says its own.
        Assert.Equal([0.0, 3, 11, 21, 35], bed.Opens.Select(t => Math.Round(t.TotalSeconds, 3)));
        Assert.Equal(["stream reset", "no signal"], details);
        Assert.Equal(CameraStatus.Offline, bed.Chain.Current.Camera);
    }

    [Fact]
    public void Camera_Whose_Source_Went_Offline_Is_Not_Reported_Again_As_Silent()
    {
        // A dropout: the source says offline at 2.1 s and online again at 11.9 s, frames resume at 12 s.
        using var bed = new VirtualBed(NoJitter).ThenFramesWithGap(8, TimeSpan.FromSeconds(10), 2)
            .StatusAt(TimeSpan.Zero, CameraStatus.Online)
            .StatusAt(TimeSpan.FromSeconds(2.1), CameraStatus.Offline)
            .StatusAt(TimeSpan.FromSeconds(11.9), CameraStatus.Online);
        bed.Chain.Start();

        var details = DetailsUntil(bed, TimeSpan.FromSeconds(13));

        Assert.Equal(["camera Stream rtsp://cam stopped delivering frames; reconnecting"], details);
        Assert.Equal(CameraStatus.Online, bed.Chain.Current.Camera);
        Assert.Null(bed.Chain.Current.CameraDetail);
    }

    [Fact]
    public void Reopened_Camera_That_Says_Online_But_Sends_Nothing_Is_Reported_Silent()
    {
        // Frames until 2 s, a reset, then the reopen at 3 s says online and never sends a frame.
        using var bed = new VirtualBed(NoJitter).ThenFrames(8, 2, failWith: "stream reset").ThenOpensWithoutFrames();
        bed.Chain.Start();

        var details = DetailsUntil(bed, TimeSpan.FromSeconds(20));

        Assert.Equal(["stream reset", "no frames from camera Stream rtsp://cam for 5 s; still trying"], details);
        Assert.Equal(CameraStatus.Offline, bed.Chain.Current.Camera);
    }

    /// <summary>Each camera detail the bed shows, in order, stepping the clock a quarter second at a time.</summary>
    private static List<string> DetailsUntil(VirtualBed bed, TimeSpan until)
    {
        var details = new List<string>();
        for (var t = TimeSpan.Zero; t <= until; t += TimeSpan.FromMilliseconds(250))
        {
            bed.Run(t);
            if (bed.Chain.Current.CameraDetail is { } d && (details.Count == 0 || details[^1] != d)) details.Add(d);
        }
        return details;
    }

    [Fact]
    public void Frames_Are_Scored_In_Order_Published_And_Their_Crops_Released()
    {
        using var bed = new VirtualBed(NoJitter).ThenFrames(40, 6);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(12));

        var assessments = bed.Published.Assessments;
        Assert.Equal(40, assessments.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), assessments.Select(a => a.Seq));
        Assert.All(assessments, a => Assert.Equal(6, a.Score, 3));
        Assert.All(assessments, a => Assert.Equal(15, a.LatencyMs, 3));
        Assert.Equal(40, bed.Counters.Assessed);
        Assert.Equal(NipsCategory.Severe, bed.Published.Alerts.First(a => a.Event == AlertEventKind.Start).Category);
        Assert.Equal(40, bed.Sampled.Frames.Count);
    }

    [Fact]
    public async Task Flagging_Stage_Returns_A_Flagged_Copy_And_Leaves_The_Original_Unchanged()
    {
        using var store = new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = _temp.File("flagged"), MinIntervalPerBed = TimeSpan.Zero }, new ManualClock(VirtualBed.T0));
        // Every frame is doubtful: a score of 2.5 splits its probability between two classes, below the 0.9 confidence asked.
        var stage = new FlaggingStage(store, Options.Create(new FlaggingOptions { LowConfidenceThreshold = 0.9 }), NullLogger<FlaggingStage>.Instance);
        using var bed = new VirtualBed(NoJitter);
        using var frame = bed.Ready(2.5, 1);
        var assessed = new Npa.Monitor.Pipeline.AssessedFrame(frame, TestResults.Score(2.5), VirtualBed.T0, 0, 0.5);

        var flagged = await stage.FlagAsync(assessed);

        Assert.True(flagged.Flagged);
        Assert.False(assessed.Flagged);
        Assert.NotSame(assessed, flagged);
        Assert.Single(store.List());
    }

    [Fact]
    public void Flagged_Value_Reaches_The_Mqtt_Assessment_Whatever_The_Output_Order()
    {
        using var store = new AlternatingFlagStore();
        var stage = new FlaggingStage(store, Options.Create(new FlaggingOptions { LowConfidenceThreshold = 0.9 }), NullLogger<FlaggingStage>.Instance);
        using var bed = new VirtualBed(NoJitter, stage).ThenFrames(8, 2.5);
        bed.Chain.Start();

        bed.Run(TimeSpan.FromSeconds(3));

        // The store keeps every other frame, and the published flag says exactly which.
        Assert.Equal([true, false, true, false, true, false, true, false], bed.Published.Assessments.Select(a => a.Flagged));
        Assert.Equal(4, bed.Counters.Flagged);
    }
}
