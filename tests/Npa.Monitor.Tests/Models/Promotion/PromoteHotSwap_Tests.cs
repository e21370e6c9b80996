using System.Reactive.Concurrency;
using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Models.Promotion;
using Npa.Monitor.Tests.Inference;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Models.Promotion;

/// <summary>Promotion against the monitor's own watcher and ONNX engine, on real files.</summary>
public sealed class PromoteHotSwap_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Promote_Then_Rollback_Are_Each_Hot_Swapped_And_Results_Carry_The_Serving_Id()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        var engines = new PackageEngineFactory(Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProvider.Cpu, Threads = 1 }), NullLoggerFactory.Instance);
        using var holder = new ModelHolder(engines.Load(folder.ModelPath));
        using var watcher = new ModelPackageWatcher(folder.ModelPath, engines, holder, TimeSpan.FromMilliseconds(200), DefaultScheduler.Instance, NullLogger.Instance);
        var seen = new ConcurrentQueue<ModelReload>();
        var reloads = watcher.Reloads.Do(seen.Enqueue).Replay();
        using var connection = reloads.Connect();
        watcher.Start();
        var installer = new ModelInstaller(new ManualClock(T0));
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), Score(holder));

        installer.Promote(folder.Candidate("tiny-b"), folder.ModelPath, "ops@host");
        var promoted = await reloads.FirstAsync(r => r.Accepted).ToTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(PromotionFolder.ServedId("tiny-b"), promoted.ModelId);
        Assert.Equal(PromotionFolder.ServedId("tiny-b"), Score(holder));

        installer.Rollback(folder.ModelPath, "ops@host");
        var restored = await reloads.Where(r => r.Accepted).Skip(1).FirstAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(PromotionFolder.ServedId("tiny-a"), restored.ModelId);
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), Score(holder));
        // The watcher never met a half-installed package: every attempt it made was accepted.
        Assert.DoesNotContain(seen, r => r.Message.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tampered_Package_Leaves_The_Serving_Model_Scoring()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        var engines = new PackageEngineFactory(Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProvider.Cpu, Threads = 1 }), NullLoggerFactory.Instance);
        using var holder = new ModelHolder(engines.Load(folder.ModelPath));
        string candidate = folder.Candidate("tiny-b");
        string onnx = Path.Combine(candidate, "model.onnx");
        var bytes = await File.ReadAllBytesAsync(onnx);
        bytes[100] ^= 0x01;
        await File.WriteAllBytesAsync(onnx, bytes);

        Assert.Throws<ModelInstallException>(() => new ModelInstaller(new ManualClock(T0)).Promote(candidate, folder.ModelPath, "ops@host"));

        Assert.Equal(PromotionFolder.ServedId("tiny-a"), Score(holder));
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), engines.Load(folder.ModelPath).ModelId);
    }

    private static string Score(ModelHolder holder)
    {
        var result = Assert.Single(holder.AcquireForBatch().Engine.Run(FixturePackage.Inputs(1), 1));
        Assert.Equal(1.0, result.Fused.Sum(), 4);
        return result.ModelId;
    }
}
