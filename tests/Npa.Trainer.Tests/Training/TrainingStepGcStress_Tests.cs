using System.Diagnostics;
using Npa.Trainer.Data;
using Npa.Trainer.Evaluation;
using Npa.Trainer.Models;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Tests.Torch;
using Npa.Trainer.Training;
using Npa.Trainer.Training.CoDivision;
using Npa.Trainer.Training.Options;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Training;

/// <summary>
/// The trainer's real steps (both branches forward, Eq. 4 + rank loss, backward, AdamW, EMA update with averaged
/// buffers, teacher forward for rectification) and prediction, on the ci preset's pair (resnet18 + efficientnet_v2_t,
/// 32 px) at batch 4, with a full collection and all finalizers run after every step and a second thread collecting
/// every millisecond, so that collections also land inside native calls. A Scalar that nothing keeps alive is then
/// finalized, and may be freed while libtorch reads it; the test counts such finalizations instead of waiting for a crash.
/// </summary>
public sealed class TrainingStepGcStress_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"npa-gc-stress-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("hsn")]
    [InlineData("hsn-co-divide")]
    [InlineData("co-teaching")]
    public void Steps_Under_Forced_Collections_Finalize_No_Scalar_And_Leave_No_Tensor_Behind(string variant) => Run(measuredEpochs: 3, variant);

    [Fact]
    [Trait("Category", "Slow")]
    public void Three_Hundred_Steps_Under_Forced_Collections_Finalize_No_Scalar_And_Leave_No_Tensor_Behind() => Run(measuredEpochs: 50, "hsn");

    private void Run(int measuredEpochs, string variant)
    {
        var clock = Stopwatch.StartNew();
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        var config = ExperimentVariant.Find(variant).Apply(ci) with
        {
            Data = ci.Data with { Manifest = TinyImageSet.Create(Path.Combine(root, "data"), perClass: 4) },
            Optim = ci.Optim with { Epochs = measuredEpochs + 1, BatchSize = 4 },
        };
        config = config with { Ema = config.Ema with { Buffers = "ema" } };
        if (config.Threads > 0) set_num_threads(config.Threads);
        var data = DataPreparation.Prepare(config.Data, config.Seed);
        var spec = config.Data.ToPreprocessSpec();
        var paths = data.Train.Select(e => e.Path).ToArray();
        var builder = new BatchBuilder(ImageCache.Load(paths, spec), spec);
        var validation = new BatchBuilder(ImageCache.Load(data.Validation.Select(e => e.Path).ToArray(), spec), spec);
        var validationIndices = Enumerable.Range(0, data.Validation.Count).ToArray();
        manual_seed(config.Seed);
        var netSpec = new NetworkSpec(config.Model.BranchA, config.Model.BranchB, data.ClassCount, config.Model.Dropout, config.Data.ImageSize);
        using var student = new SiameseNetwork(netSpec, CPU);
        using var teacher = student.CloneArchitecture(CPU);
        var ema = new EmaTeacher(student, teacher, config.Ema);
        using var optimizer = new Npa.Trainer.Torch.AdamW(student.parameters(), config.Optim.LearningRate, weightDecay: config.Optim.WeightDecay);
        var labels = new LabelStore(data.Train.Select(e => e.Label).ToArray(), data.Train.Select(e => e.CleanLabel).ToArray());
        var coDivide = config.Loss.IsCoDivide ? new CoDivide(labels.Count, 2, runFolder: null) : null;
        var trainer = new EpochTrainer(config, student, config.Ema.Enabled ? ema : null, optimizer, builder, labels, paths, CPU, coDivide: coDivide);
        var collectAfterEachStep = new CollectingProgress();
        using var log = new RelabelLog(Path.Combine(root, "relabels.jsonl"));
        using var counter = new ScalarFinalizationCounter();
        counter.Take(TimeSpan.FromSeconds(30)); // Whatever earlier tests left for the finalizer.

        // Epoch 1 warms up (JIT, first-use state); from then on steps must leave exactly as many tensors as they found.
        trainer.Run(1, log, collectAfterEachStep, CancellationToken.None);
        Predictor.Run(student, validation, validationIndices, config.Optim.BatchSize, CPU);
        long finalized = counter.Take(TimeSpan.FromSeconds(30));
        long liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        int stepsBefore = collectAfterEachStep.Steps;
        var measured = Stopwatch.StartNew();
        int collections;
        using (var storm = new CollectorThread())
        {
            for (int epoch = 2; epoch <= measuredEpochs + 1; epoch++)
            {
                trainer.Run(epoch, log, collectAfterEachStep, CancellationToken.None);
                Predictor.Run(student, validation, validationIndices, config.Optim.BatchSize, CPU);
                Predictor.Run(teacher, validation, validationIndices, config.Optim.BatchSize, CPU);
            }
            collections = storm.Stop();
        }
        int steps = collectAfterEachStep.Steps - stepsBefore;
        finalized += counter.Take(TimeSpan.FromSeconds(30));
        long liveAfter = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        output.WriteLine($"{steps} steps ({trainer.StepsPerEpoch} an epoch) and {2 * measuredEpochs} predictions in {measured.Elapsed.TotalSeconds:F1} s "
            + $"under {collections} collections from the second thread; whole test {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(6 * measuredEpochs, steps);
        Assert.True(finalized == 0, $"{finalized} Scalars were finalized instead of disposed: a step or prediction makes temporary Scalars");
        Assert.True(liveBefore == liveAfter, $"live tensors went from {liveBefore} to {liveAfter}: a step or prediction leaves tensors behind");
    }

    /// <summary>Forces a full collection and runs every pending finalizer after each step.</summary>
    private sealed class CollectingProgress : IProgress<TrainingProgress>
    {
        public int Steps { get; private set; }

        public void Report(TrainingProgress value)
        {
            if (value.Completed is not null) return;
            Steps++;
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>A thread that collects the young generation and runs its finalizers about every millisecond.</summary>
    private sealed class CollectorThread : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stop;
        private int collections;

        public CollectorThread()
        {
            thread = new Thread(() =>
            {
                while (!stop)
                {
                    GC.Collect(0);
                    GC.WaitForPendingFinalizers();
                    collections++;
                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Name = "gc-stress" };
            thread.Start();
        }

        /// <summary>Stops the thread and returns how many collections it made.</summary>
        public int Stop()
        {
            stop = true;
            thread.Join();
            return collections;
        }

        public void Dispose() => Stop();
    }
}
