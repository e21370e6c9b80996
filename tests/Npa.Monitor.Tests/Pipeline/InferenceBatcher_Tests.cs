using Microsoft.Extensions.Logging.Abstractions;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Pipeline;

public class InferenceBatcher_Tests
{
    private static InferenceBatcher Batcher(FakeEngine engine, int maxBatch, int maxWaitMs, int capacity = 32) =>
        new(new ModelHolder(engine.Loaded()), new InferenceOptions { MaxBatchSize = maxBatch, MaxBatchWaitMs = maxWaitMs, QueueCapacity = capacity }, NullLogger.Instance);

    [Fact]
    public async Task Full_Batch_Runs_At_Once_And_Each_Bed_Gets_Its_Own_Result()
    {
        var engine = new FakeEngine("m1");
        // A long wait: only reaching the batch size can flush these four.
        await using var batcher = Batcher(engine, maxBatch: 4, maxWaitMs: 1000);

        var tasks = new[]
        {
            batcher.ScoreAsync("bed-1", engine.Input(1)),
            batcher.ScoreAsync("bed-2", engine.Input(2)),
            batcher.ScoreAsync("bed-1", engine.Input(3)),
            batcher.ScoreAsync("bed-2", engine.Input(4)),
        };
        var results = await Task.WhenAll(tasks);

        Assert.Equal([1.0, 2.0, 3.0, 4.0], results.Select(r => Math.Round(r!.ExpectedScore, 3)));
        Assert.Equal([4], engine.Batches);
        Assert.All(results, r => Assert.Equal("m1", r!.ModelId));
    }

    [Fact]
    public async Task Partial_Batch_Is_Flushed_After_Max_Wait()
    {
        var engine = new FakeEngine("m1");
        await using var batcher = Batcher(engine, maxBatch: 8, maxWaitMs: 20);

        var result = await batcher.ScoreAsync("bed-1", engine.Input(2)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, result!.ExpectedScore, 3);
        Assert.Equal([1], engine.Batches);
    }

    [Fact]
    public async Task Full_Queue_Drops_The_Oldest_Request_With_Null()
    {
        var engine = new FakeEngine("m1") { Gate = new SemaphoreSlim(0) };
        await using var batcher = Batcher(engine, maxBatch: 1, maxWaitMs: 0, capacity: 2);

        var running = batcher.ScoreAsync("bed-1", engine.Input(1));
        await Eventually.TrueAsync(() => batcher.QueueDepth == 0, "the first request to be taken");
        var oldest = batcher.ScoreAsync("bed-1", engine.Input(2));
        var middle = batcher.ScoreAsync("bed-2", engine.Input(3));
        var newest = batcher.ScoreAsync("bed-1", engine.Input(4));

        Assert.Null(await oldest.WaitAsync(TimeSpan.FromSeconds(10)));
        engine.Gate.Release(3);
        Assert.Equal(3, (await middle)!.ExpectedScore, 3);
        Assert.Equal(4, (await newest)!.ExpectedScore, 3);
        Assert.NotNull(await running);
    }

    [Fact]
    public async Task Crop_Of_The_Wrong_Size_Fails_With_A_Clear_Message()
    {
        var engine = new FakeEngine("m1");
        await using var batcher = Batcher(engine, maxBatch: 4, maxWaitMs: 0);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.ScoreAsync("bed-1", new float[5]));

        Assert.Contains("bed bed-1: crop has 5 values but model m1 expects 3x4x4 = 48", ex.Message);
    }

    [Fact]
    public async Task Failing_Batch_Fails_Its_Callers_And_The_Next_Batch_Runs()
    {
        var engine = new FakeEngine("m1") { FailWith = new InvalidOperationException("onnx runtime error") };
        await using var batcher = Batcher(engine, maxBatch: 4, maxWaitMs: 0);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.ScoreAsync("bed-1", engine.Input(1)));
        Assert.Equal("onnx runtime error", ex.Message);
        engine.FailWith = null;

        Assert.Equal(5, (await batcher.ScoreAsync("bed-1", engine.Input(5)))!.ExpectedScore, 3);
    }

    [Fact]
    public async Task Offered_Model_Serves_From_The_Next_Batch_And_The_Old_One_Is_Disposed()
    {
        var old = new FakeEngine("m1");
        var next = new FakeEngine("m2");
        var holder = new ModelHolder(old.Loaded());
        await using var batcher = new InferenceBatcher(holder, new InferenceOptions { MaxBatchSize = 4, MaxBatchWaitMs = 0 }, NullLogger.Instance);

        Assert.Equal("m1", (await batcher.ScoreAsync("bed-1", old.Input(1)))!.ModelId);
        holder.Offer(next.Loaded());
        Assert.Equal("m1", holder.ModelId);
        var after = await batcher.ScoreAsync("bed-1", next.Input(1));

        Assert.Equal("m2", after!.ModelId);
        Assert.Equal("m2", holder.ModelId);
        Assert.True(old.Disposed);
        Assert.False(next.Disposed);
    }
}
