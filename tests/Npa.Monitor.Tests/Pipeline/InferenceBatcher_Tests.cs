using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Inference;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Pipeline;

/// <summary>Batching across beds on virtual time: by count, by wait, one waiting frame per bed, model swaps between batches.</summary>
public class InferenceBatcher_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private sealed class Beds(InferenceBatcher batcher, params string[] ids) : IDisposable
    {
        private readonly Dictionary<string, Subject<PreparedFrame>> _inputs = ids.ToDictionary(id => id, _ => new Subject<PreparedFrame>());
        private readonly List<IDisposable> _subscriptions = [];

        public List<AssessedFrame> Out { get; } = [];

        public Dictionary<string, int> Skipped { get; } = ids.ToDictionary(id => id, _ => 0);

        public Beds Start()
        {
            foreach (var (id, input) in _inputs)
                _subscriptions.Add(input.ScoreBatched(batcher, id, () => Skipped[id]++).Subscribe(Out.Add));
            return this;
        }

        public PreparedFrame Push(string bed, FakeEngine engine, double score, long seq = 1)
        {
            var frame = PreparedFrame.Ready(bed, seq, T0, engine.Input(score), new OpenCvSharp.Mat(4, 4, OpenCvSharp.MatType.CV_8UC3), new OpenCvSharp.Rect(0, 0, 4, 4), 0.9, null);
            _inputs[bed].OnNext(frame);
            return frame;
        }

        public void PushNoFace(string bed, long seq) => _inputs[bed].OnNext(PreparedFrame.NoFace(bed, seq, T0));

        public void Dispose()
        {
            foreach (var s in _subscriptions) s.Dispose();
        }
    }

    /// <summary>Runs what is due now (a virtual clock does not run work due at its own time until it moves).</summary>
    private static void RunDue(HistoricalScheduler scheduler) => scheduler.AdvanceBy(TimeSpan.FromTicks(1));

    private static InferenceBatcher Batcher(FakeEngine engine, IScheduler scheduler, int maxBatch, int maxWaitMs, int capacity = 32, ILogger? logger = null) =>
        new(new ModelHolder(engine.Loaded()), new InferenceOptions { MaxBatchSize = maxBatch, MaxBatchWaitMs = maxWaitMs, QueueCapacity = capacity }, scheduler, logger ?? new ListLogger<InferenceBatcher>());

    [Fact]
    public void Full_Batch_Runs_At_Once_And_Each_Bed_Gets_Its_Own_Result()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        // A long wait: only reaching the batch size can flush these four.
        using var batcher = Batcher(engine, scheduler, maxBatch: 4, maxWaitMs: 1000);
        using var beds = new Beds(batcher, "bed-1", "bed-2", "bed-3", "bed-4").Start();

        for (int i = 1; i <= 4; i++) beds.Push($"bed-{i}", engine, i);
        RunDue(scheduler);

        Assert.Equal([4], engine.Batches);
        Assert.Equal(["bed-1", "bed-2", "bed-3", "bed-4"], beds.Out.Select(a => a.Frame.BedId));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], beds.Out.Select(a => Math.Round(a.Result!.ExpectedScore, 3)));
        Assert.All(beds.Out, a => Assert.Equal("m1", a.Result!.ModelId));
        Assert.All(beds.Out, a => Assert.Equal(0, a.LatencyMs));
    }

    [Fact]
    public void Partial_Batch_Is_Flushed_After_Max_Wait_On_The_Scheduler()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        using var batcher = Batcher(engine, scheduler, maxBatch: 8, maxWaitMs: 20);
        using var beds = new Beds(batcher, "bed-1", "bed-2").Start();

        beds.Push("bed-1", engine, 2);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(5));
        beds.Push("bed-2", engine, 3);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(14));
        Assert.Empty(engine.Batches);
        Assert.Equal(2, batcher.QueueDepth);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));

        Assert.Equal([2], engine.Batches);
        Assert.Equal([20.0, 15.0], beds.Out.Select(a => Math.Round(a.LatencyMs, 3)));
        Assert.Equal(2, beds.Out[0].Result!.ExpectedScore, 3);
        Assert.Equal(0, batcher.QueueDepth);
    }

    [Fact]
    public void Newer_Frame_Of_A_Bed_Replaces_The_Waiting_One_Which_Is_Disposed_And_Counted()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        using var batcher = Batcher(engine, scheduler, maxBatch: 8, maxWaitMs: 20);
        using var beds = new Beds(batcher, "bed-1").Start();

        var first = beds.Push("bed-1", engine, 1, seq: 1);
        beds.Push("bed-1", engine, 5, seq: 2);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(20));

        Assert.Null(first.Crop);
        Assert.Equal(1, beds.Skipped["bed-1"]);
        Assert.Equal([2L], beds.Out.Select(a => a.Frame.Sequence));
        Assert.Equal([1], engine.Batches);
    }

    [Fact]
    public void Frames_Arriving_During_A_Batch_Wait_Newest_First_And_Keep_Their_Order()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        using var batcher = Batcher(engine, scheduler, maxBatch: 8, maxWaitMs: 10);
        using var beds = new Beds(batcher, "bed-1").Start();
        beds.Push("bed-1", engine, 1, seq: 1);
        // While frame 1 is in the model, the camera moves on: 2 and 3 arrive, then 4 without a face.
        engine.DuringRun = () =>
        {
            engine.DuringRun = null;
            beds.Push("bed-1", engine, 2, seq: 2);
            beds.Push("bed-1", engine, 3, seq: 3);
            beds.PushNoFace("bed-1", seq: 4);
        };

        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal([1L, 4L], beds.Out.Select(a => a.Frame.Sequence));
        Assert.True(beds.Out[0].IsScored);
        Assert.False(beds.Out[1].IsScored);
        Assert.Equal(2, beds.Skipped["bed-1"]);
    }

    [Fact]
    public void Frame_Without_A_Face_Passes_At_Once_When_Nothing_Of_Its_Bed_Is_Ahead()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        using var batcher = Batcher(engine, scheduler, maxBatch: 8, maxWaitMs: 10);
        using var beds = new Beds(batcher, "bed-1").Start();

        beds.PushNoFace("bed-1", seq: 1);

        Assert.Equal([1L], beds.Out.Select(a => a.Frame.Sequence));
        Assert.Empty(engine.Batches);
    }

    [Fact]
    public void Full_Queue_Drops_The_Oldest_Waiting_Frame_And_Counts_It_For_Its_Bed()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        using var batcher = Batcher(engine, scheduler, maxBatch: 8, maxWaitMs: 50, capacity: 2);
        using var beds = new Beds(batcher, "bed-1", "bed-2", "bed-3").Start();

        var oldest = beds.Push("bed-1", engine, 1);
        beds.Push("bed-2", engine, 2);
        beds.Push("bed-3", engine, 3);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(50));

        Assert.Null(oldest.Crop);
        Assert.Equal(1, beds.Skipped["bed-1"]);
        Assert.Equal(["bed-2", "bed-3"], beds.Out.Select(a => a.Frame.BedId));
    }

    [Fact]
    public void Crop_Of_The_Wrong_Size_Is_Skipped_With_A_Clear_Message()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1");
        var logger = new ListLogger<InferenceBatcher>();
        using var batcher = Batcher(engine, scheduler, maxBatch: 4, maxWaitMs: 0, logger: logger);
        using var input = new Subject<PreparedFrame>();
        int skipped = 0;
        using var _ = input.ScoreBatched(batcher, "bed-1", () => skipped++).Subscribe(_ => Assert.Fail("nothing should be scored"));

        input.OnNext(PreparedFrame.Ready("bed-1", 7, T0, new float[5], null, default, 0.9, null));
        RunDue(scheduler);

        Assert.Equal(1, skipped);
        Assert.Contains(logger.Lines, l => l.Message.Contains("bed bed-1: frame 7 not scored: crop has 5 values but model m1 expects 3x4x4 = 48", StringComparison.Ordinal));
    }

    [Fact]
    public void Failing_Batch_Skips_Its_Frames_And_The_Next_Batch_Runs()
    {
        var scheduler = new HistoricalScheduler(T0);
        var engine = new FakeEngine("m1") { FailWith = new InvalidOperationException("onnx runtime error") };
        var logger = new ListLogger<InferenceBatcher>();
        using var batcher = Batcher(engine, scheduler, maxBatch: 4, maxWaitMs: 0, logger: logger);
        using var beds = new Beds(batcher, "bed-1").Start();

        beds.Push("bed-1", engine, 1);
        RunDue(scheduler);
        Assert.Equal(1, beds.Skipped["bed-1"]);
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("inference of a batch of 1 failed on model m1", StringComparison.Ordinal));
        engine.FailWith = null;
        beds.Push("bed-1", engine, 5, seq: 2);
        RunDue(scheduler);

        Assert.Equal(5, beds.Out.Single().Result!.ExpectedScore, 3);
    }

    [Fact]
    public void Offered_Model_Serves_From_The_Next_Batch_And_The_Old_One_Is_Disposed()
    {
        var scheduler = new HistoricalScheduler(T0);
        var old = new FakeEngine("m1");
        var next = new FakeEngine("m2");
        var holder = new ModelHolder(old.Loaded());
        using var batcher = new InferenceBatcher(holder, new InferenceOptions { MaxBatchSize = 4, MaxBatchWaitMs = 0 }, scheduler, new ListLogger<InferenceBatcher>());
        using var beds = new Beds(batcher, "bed-1").Start();

        beds.Push("bed-1", old, 1);
        RunDue(scheduler);
        holder.Offer(next.Loaded());
        Assert.Equal("m1", holder.ModelId);
        beds.Push("bed-1", next, 1, seq: 2);
        RunDue(scheduler);

        Assert.Equal(["m1", "m2"], beds.Out.Select(a => a.Result!.ModelId));
        Assert.Equal("m2", holder.ModelId);
        Assert.True(old.Disposed);
        Assert.False(next.Disposed);
    }
}
