using System.Diagnostics;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using static TorchSharp.torch;

namespace Npa.Trainer.Bench;

/// <summary>
/// Times the trainer's own optimizer step for a preset: both branches forward, the preset's objective (Eq. 4 + rank
/// regularization), backward, AdamW and the EMA teacher update, with one host read (the loss) per step as training does.
/// Inputs are fixed random tensors, so data loading is not timed (it is cached once per run in training).
/// </summary>
public sealed class TrainStepBench
{
    /// <summary>Classes of the NIPS head (scores 0–7).</summary>
    public const int Classes = 8;

    private readonly int threads, warmup, steps;

    /// <summary>A bench on <paramref name="threads"/> threads that times <paramref name="steps"/> steps after <paramref name="warmup"/>.</summary>
    public TrainStepBench(int threads, int warmup, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        (this.threads, this.warmup, this.steps) = (threads, warmup, steps);
    }

    /// <summary>Mean milliseconds per step of <paramref name="config"/>'s network and objective at its batch size.</summary>
    public double MsPerStep(TrainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        set_num_threads(threads);
        manual_seed(config.Seed);
        var device = CPU;
        var spec = new NetworkSpec(config.Model.BranchA, config.Model.IsSiamese ? config.Model.BranchB : null, Classes,
            config.Model.Dropout, config.Data.ImageSize);
        using var student = new SiameseNetwork(spec, device);
        using var teacherNet = config.Ema.Enabled ? student.CloneArchitecture(device) : null;
        var ema = teacherNet is null ? null : new EmaTeacher(student, teacherNet, config.Ema);
        using var optimizer = new Torch.AdamW(student.parameters(), config.Optim.LearningRate, weightDecay: config.Optim.WeightDecay);
        int batchSize = config.Optim.BatchSize;
        using var x = randn(batchSize, 3, config.Data.ImageSize, config.Data.ImageSize, device: device);
        using var y = randint(Classes, batchSize, dtype: ScalarType.Int64, device: device);
        int[] batch = Enumerable.Range(0, batchSize).ToArray();
        using var objective = new StepObjective(config, warmup + steps, coDivide: null);
        student.train();

        void Step(int step)
        {
            using var scope = NewDisposeScope();
            using var output = student.call(x);
            var loss = objective.Compute(output, y, batch, epoch: 1, step).Total;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            ema?.Update();
            _ = loss.item<float>();
        }

        for (int s = 0; s < warmup; s++) Step(s);
        var clock = Stopwatch.StartNew();
        for (int s = 0; s < steps; s++) Step(warmup + s);
        return clock.Elapsed.TotalMilliseconds / steps;
    }
}
