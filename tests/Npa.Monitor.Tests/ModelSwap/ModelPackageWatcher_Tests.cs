using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.ModelSwap;

public class ModelPackageWatcher_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Burst_Of_Changes_Loads_Once_After_The_Debounce()
    {
        var scheduler = new HistoricalScheduler(T0);
        var factory = new FakeEngineFactory().Then(new FakeEngine("m2"));
        using var holder = new ModelHolder(new FakeEngine("m1").Loaded());
        using var watcher = new ModelPackageWatcher("/tmp/npa-models/demo", factory, holder, TimeSpan.FromSeconds(1), scheduler, NullLogger.Instance);
        var reloads = new List<ModelReload>();
        using var _ = watcher.Reloads.Subscribe(reloads.Add);

        for (int i = 0; i < 5; i++)
        {
            watcher.NotifyChanged();
            scheduler.AdvanceBy(TimeSpan.FromMilliseconds(300));
        }
        Assert.Equal(0, factory.Loads);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(1, factory.Loads);
        var reload = Assert.Single(reloads);
        Assert.True(reload.Accepted);
        Assert.Equal("m2", holder.PendingModelId);
        Assert.Equal("m2", holder.AcquireForBatch().ModelId);
    }

    [Fact]
    public void Invalid_Package_Is_Refused_With_The_Reason_And_The_Old_Model_Keeps_Serving()
    {
        var scheduler = new HistoricalScheduler(T0);
        var factory = new FakeEngineFactory().ThenFail("model.onnx sha256 does not match the manifest");
        var serving = new FakeEngine("m1");
        using var holder = new ModelHolder(serving.Loaded());
        using var watcher = new ModelPackageWatcher("/tmp/npa-models/demo", factory, holder, TimeSpan.FromSeconds(1), scheduler, NullLogger.Instance);
        var reloads = new List<ModelReload>();
        using var _ = watcher.Reloads.Subscribe(reloads.Add);

        watcher.NotifyChanged();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));

        var reload = Assert.Single(reloads);
        Assert.False(reload.Accepted);
        Assert.Contains("refused: model.onnx sha256 does not match the manifest; still serving m1", reload.Message);
        Assert.Null(holder.PendingModelId);
        Assert.Equal("m1", holder.AcquireForBatch().ModelId);
        Assert.False(serving.Disposed);
    }

    [Fact]
    public void Same_Model_Id_Is_Not_Swapped()
    {
        var scheduler = new HistoricalScheduler(T0);
        var again = new FakeEngine("m1");
        var factory = new FakeEngineFactory().Then(again);
        using var holder = new ModelHolder(new FakeEngine("m1").Loaded());
        using var watcher = new ModelPackageWatcher("/tmp/npa-models/demo", factory, holder, TimeSpan.FromSeconds(1), scheduler, NullLogger.Instance);

        watcher.NotifyChanged();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));

        Assert.Null(holder.PendingModelId);
        Assert.True(again.Disposed);
    }

    [Fact]
    public async Task File_Written_Into_The_Package_Folder_Triggers_A_Reload()
    {
        string root = Directory.CreateTempSubdirectory("npa-watch-").FullName;
        try
        {
            string package = Path.Combine(root, "demo");
            Directory.CreateDirectory(package);
            var factory = new FakeEngineFactory().Then(new FakeEngine("m2"));
            using var holder = new ModelHolder(new FakeEngine("m1").Loaded());
            using var watcher = new ModelPackageWatcher(package, factory, holder, TimeSpan.FromMilliseconds(100), DefaultScheduler.Instance, NullLogger.Instance);
            var accepted = new TaskCompletionSource<ModelReload>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var _ = watcher.Reloads.Subscribe(r => accepted.TrySetResult(r));
            watcher.Start();

            await File.WriteAllTextAsync(Path.Combine(package, "model.json"), "{}");
            await File.WriteAllTextAsync(Path.Combine(root, "unrelated.txt"), "x");

            var reload = await accepted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(reload.Accepted);
            Assert.Equal([package], factory.Paths);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
