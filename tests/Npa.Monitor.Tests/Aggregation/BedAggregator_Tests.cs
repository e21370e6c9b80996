using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Aggregation;

public class BedAggregator_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static AlertsOptions Options() => new()
    {
        Smoothing = SmoothingMethod.Ema, EmaHalfLifeSeconds = 1, StartScore = 3.5, EndScore = 2.5,
        SustainSeconds = 3, EndSustainSeconds = 4, CooldownSeconds = 10, UpdateIntervalSeconds = 30,
        NoFaceAfterSeconds = 2, SignalLostEndSeconds = 20,
    };

    /// <summary>Runs the aggregator in virtual time: <paramref name="script"/> maps seconds to an observation factory, 4 per second.</summary>
    private static List<BedUpdate> Run(Func<double, DateTimeOffset, BedObservation?> script, double seconds, AlertsOptions? options = null)
    {
        var scheduler = new HistoricalScheduler(T0);
        var input = new Subject<BedObservation>();
        var updates = new List<BedUpdate>();
        var aggregator = new BedAggregator("bed-1", options ?? Options(), T0, CameraStatus.Online);
        using var sub = input.AggregateBed(aggregator, TimeSpan.FromMilliseconds(500), scheduler).Subscribe(updates.Add);
        for (int i = 0; i <= seconds * 4; i++)
        {
            double t = i / 4.0;
            scheduler.ScheduleAbsolute(T0.AddSeconds(t), () =>
            {
                if (script(t, scheduler.Now) is { } o) input.OnNext(o);
            });
        }
        scheduler.AdvanceTo(T0.AddSeconds(seconds));
        return updates;
    }

    private static BedObservation Score(DateTimeOffset now, double s) => BedObservation.Assessed(now, TestResults.Score(s));

    [Fact]
    public void Scripted_Episode_Gives_Start_Then_End_Within_Sustain_Plus_Smoothing_Lag()
    {
        // Ground truth: pain (NIPS 6) from 10 s to 30 s, calm (NIPS 1) otherwise.
        var updates = Run((t, now) => Score(now, t is >= 10 and < 30 ? 6 : 1), 60);
        var events = updates.SelectMany(u => u.Events).ToList();

        Assert.Equal([AlertEventKind.Start, AlertEventKind.End], events.Select(e => e.Kind));
        var start = events[0];
        var end = events[1];
        Assert.Equal(NipsCategory.Severe, start.Category);
        // EMA (half-life 1 s) crosses 3.5 about 1 s after onset; then the 3 s sustain.
        Assert.InRange((start.Time - T0.AddSeconds(10)).TotalSeconds, 3, 5);
        Assert.InRange((end.Time - T0.AddSeconds(30)).TotalSeconds, 4, 7);
        Assert.Equal(NipsCategory.Severe, end.Category);
        Assert.InRange(end.Peak, 5.5, 6.0);
        Assert.Equal(start.EpisodeId, end.EpisodeId);
    }

    [Fact]
    public void Smoothed_Score_Follows_Band_And_Marks_Since()
    {
        var updates = Run((t, now) => Score(now, t < 5 ? 1 : 6), 10);
        var last = updates[^1].Snapshot;

        Assert.Equal(NipsCategory.Severe, last.Category);
        Assert.InRange(last.Score!.Value, 5.5, 6.0);
        Assert.True(last.Since > T0.AddSeconds(5) && last.Since < T0.AddSeconds(8));
        Assert.Equal(FaceState.Visible, last.Face);
        Assert.Equal("test-model", last.ModelId);
        Assert.Equal(0.19, last.Uncertainty!.Value, 2);
    }

    [Fact]
    public void Lasting_No_Face_Clears_Score_But_Short_Dropout_Keeps_It()
    {
        var updates = Run((t, now) => t switch
        {
            < 5 => Score(now, 2),
            < 6 => BedObservation.NoFace(now),          // 1 s dropout: shorter than NoFaceAfter
            < 8 => Score(now, 2),
            _ => BedObservation.NoFace(now),
        }, 12);

        var during = updates.Last(u => u.Snapshot.Time <= T0.AddSeconds(5.75)).Snapshot;
        Assert.Equal(FaceState.Visible, during.Face);
        Assert.NotNull(during.Score);
        var after = updates[^1].Snapshot;
        Assert.Equal(FaceState.NoFace, after.Face);
        Assert.Null(after.Score);
        Assert.Null(after.Category);
    }

    [Fact]
    public void Low_Quality_Frames_Give_Low_Quality_State()
    {
        var updates = Run((t, now) => t < 2 ? Score(now, 1) : BedObservation.LowQuality(now, "blur"), 8);

        Assert.Equal(FaceState.LowQuality, updates[^1].Snapshot.Face);
        Assert.Null(updates[^1].Snapshot.Score);
    }

    /// <summary>A guess spread evenly over NIPS 3..7: expected score 5, largest probability 0.2.</summary>
    private static BedObservation Unreadable(DateTimeOffset now)
    {
        var p = new float[NipsScale.ClassCount];
        for (int k = 3; k <= 7; k++) p[k] = 0.2f;
        return BedObservation.Assessed(now, new InferenceResult(p, p, 0.3f, 0.3f, p, NipsScale.ExpectedScore(p), 3,
            NipsScale.CategoryOf(3), true, 0.2, "test-model"));
    }

    [Fact]
    public void Unreadable_Frames_Hold_Then_Clear_The_Score_And_Raise_No_Alert()
    {
        // Calm for 5 s, then 20 s of a covered face that the model reads as a spread-out guess around 5.
        var updates = Run((t, now) => t < 5 ? Score(now, 1) : Unreadable(now), 25);

        Assert.Empty(updates.SelectMany(u => u.Events));
        var held = updates.Last(u => u.Snapshot.Time <= T0.AddSeconds(6)).Snapshot;
        Assert.Equal(FaceState.Visible, held.Face);
        Assert.InRange(held.Score!.Value, 0.9, 1.1);
        var last = updates[^1].Snapshot;
        Assert.Equal(FaceState.Unreadable, last.Face);
        Assert.Null(last.Score);
        // Every frame the model ran on is counted, readable or not (4 a second, from 0 to 25 s).
        Assert.Equal(101, last.AssessedCount);
    }

    /// <summary>A confident-looking guess torn between NIPS 1 and 7: top probability 0.58, expected score 4.48, spread 2.96.</summary>
    private static BedObservation TornGuess(DateTimeOffset now)
    {
        var p = new float[NipsScale.ClassCount];
        p[1] = 0.42f;
        p[7] = 0.58f;
        return BedObservation.Assessed(now, new InferenceResult(p, p, 0.8f, 0.8f, p, NipsScale.ExpectedScore(p), 7,
            NipsScale.CategoryOf(7), true, 0.58, "test-model"));
    }

    [Fact]
    public void Spread_Out_Frames_Are_Unreadable_Even_With_A_High_Top_Probability()
    {
        var updates = Run((t, now) => t < 5 ? Score(now, 1) : TornGuess(now), 25);

        Assert.Empty(updates.SelectMany(u => u.Events));
        Assert.Equal(FaceState.Unreadable, updates[^1].Snapshot.Face);
        Assert.Null(updates[^1].Snapshot.Score);
    }

    [Fact]
    public void Spread_Check_Off_Scores_The_Torn_Guess()
    {
        var options = Options();
        options.MaxScoreSpread = 3.5;
        var updates = Run((t, now) => t < 5 ? Score(now, 1) : TornGuess(now), 25, options);

        Assert.Equal(AlertEventKind.Start, updates.SelectMany(u => u.Events).First().Kind);
        Assert.InRange(updates[^1].Snapshot.Score!.Value, 4.4, 4.6);
    }

    [Fact]
    public void Both_Checks_Off_Score_Every_Frame()
    {
        var options = Options();
        options.MinConfidence = 0;
        options.MaxScoreSpread = 3.5;
        var updates = Run((t, now) => t < 5 ? Score(now, 1) : Unreadable(now), 25, options);

        Assert.Equal(AlertEventKind.Start, updates.SelectMany(u => u.Events).First().Kind);
        Assert.InRange(updates[^1].Snapshot.Score!.Value, 4.9, 5.1);
    }

    [Fact]
    public void Ticks_Alone_Clear_The_Score_When_Frames_Stop()
    {
        var updates = Run((t, now) => t < 2 ? Score(now, 4) : null, 8);

        var last = updates[^1].Snapshot;
        Assert.Null(last.Score);
        Assert.NotEqual(FaceState.Visible, last.Face);
    }

    [Fact]
    public void Camera_Offline_Shows_Status_And_Detail_And_Clears_Score()
    {
        var updates = Run((t, now) => t switch
        {
            < 3 => Score(now, 4),
            3 => BedObservation.CameraChanged(now, CameraStatus.Offline, "connection refused"),
            _ => null,
        }, 6);

        var last = updates[^1].Snapshot;
        Assert.Equal(CameraStatus.Offline, last.Camera);
        Assert.Equal("connection refused", last.CameraDetail);
        Assert.Equal(FaceState.Unknown, last.Face);
        Assert.Null(last.Score);
        Assert.Contains(updates, u => u.StateChanged && u.Snapshot.Camera == CameraStatus.Offline);
    }

    [Fact]
    public void Median_Smoothing_Ignores_Single_Frame_Spikes_For_Alerts()
    {
        var options = Options();
        options.Smoothing = SmoothingMethod.Median;
        options.MedianWindow = 5;
        // Every fifth frame is a spike to 7; the rest are calm.
        int n = 0;
        var updates = Run((t, now) => Score(now, n++ % 5 == 4 ? 7 : 1), 30, options);

        Assert.DoesNotContain(updates, u => u.Events.Count > 0);
        Assert.All(updates.Where(u => u.Snapshot.Score is not null), u => Assert.Equal(NipsCategory.NoPain, u.Snapshot.Category));
    }
}
