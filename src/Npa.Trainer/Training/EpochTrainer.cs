using Npa.Trainer.Data;
using Npa.Trainer.Losses;
using Npa.Trainer.Models;
using Npa.Trainer.Training.CoDivision;
using Npa.Trainer.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>Runs the optimizer steps of one epoch: loss (Eq. 4 + Eqs. 2–3), AdamW, EMA update (Eq. 8), rectification (Eqs. 5–7).</summary>
public sealed class EpochTrainer
{
    private readonly TrainConfig config;
    private readonly SiameseNetwork student;
    private readonly EmaTeacher? ema;
    private readonly optim.Optimizer optimizer;
    private readonly BatchBuilder builder;
    private readonly LabelStore labels;
    private readonly IReadOnlyList<string> paths;
    private readonly LabelRectifier rectifier;
    private readonly CosineSchedule schedule;
    private readonly Device device;
    private readonly NoiseAccounting? accounting;
    private readonly CoDivide? coDivide;

    /// <summary>
    /// Wires one run's parts together; <paramref name="accounting"/>, when given, records every step for the noise report;
    /// <paramref name="coDivide"/> is required when <c>loss.alpha_supervision = co_divide</c>.
    /// </summary>
    public EpochTrainer(TrainConfig config, SiameseNetwork student, EmaTeacher? ema, optim.Optimizer optimizer, BatchBuilder builder,
        LabelStore labels, IReadOnlyList<string> paths, Device device, NoiseAccounting? accounting = null, CoDivide? coDivide = null)
    {
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        this.student = student ?? throw new ArgumentNullException(nameof(student));
        this.ema = ema;
        this.optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.builder = builder ?? throw new ArgumentNullException(nameof(builder));
        this.labels = labels ?? throw new ArgumentNullException(nameof(labels));
        this.paths = paths ?? throw new ArgumentNullException(nameof(paths));
        this.device = device;
        this.accounting = accounting;
        this.coDivide = coDivide;
        if (config.Loss.IsCoDivide && coDivide is null) throw new ArgumentNullException(nameof(coDivide), "loss.alpha_supervision is co_divide");
        rectifier = new LabelRectifier(config.Relabel, config.Optim.Epochs,
            config.Relabel.IsNoisePosterior ? config.Data.NoiseTransition(student.Spec.ClassCount) : null);
        schedule = new CosineSchedule(config.Optim, StepsPerEpoch);
    }

    /// <summary>Optimizer steps in an epoch; a trailing batch of one sample is dropped (BatchNorm and ranking need two).</summary>
    public int StepsPerEpoch
    {
        get
        {
            int n = labels.Count, b = config.Optim.BatchSize;
            return config.Optim.DropLast || n % b == 1 ? Math.Max(1, n / b) : (n + b - 1) / b;
        }
    }

    /// <summary>The δ2 schedule's value in <paramref name="epoch"/>.</summary>
    public double Delta2(int epoch) => rectifier.Schedule.At(epoch);

    /// <summary>Whether rectification may run in <paramref name="epoch"/> (start epoch reached and, with a bar, the bar passed).</summary>
    public bool RectificationActive(int epoch) => rectifier.IsActive(epoch);

    /// <summary>Lets rectification start: the predictors passed <c>relabel.start_teacher_accuracy</c> on validation.</summary>
    public void OpenRectificationGate() => rectifier.OpenGate();

    /// <summary>Runs 1-based <paramref name="epoch"/>; relabel events go to <paramref name="log"/>.</summary>
    public EpochMetrics Run(int epoch, RelabelLog log, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        // Seeded per epoch, so a resumed run draws the same order, flips and dropout masks as an uninterrupted one.
        var random = new Random(unchecked(config.Seed * 100_003 + epoch));
        torch.manual_seed(unchecked(config.Seed * 1_000_003L + epoch));
        var order = Enumerable.Range(0, labels.Count).ToArray();
        random.Shuffle(order);
        int steps = StepsPerEpoch, batchSize = config.Optim.BatchSize;
        double lossSum = 0, wceSum = 0, rrSum = 0, highSum = 0, lowSum = 0;
        int correct = 0, seen = 0;
        double firstLr = schedule.At(epoch, 0);
        using var objective = new StepObjective(config, steps, coDivide);
        student.train();
        for (int step = 0; step < steps; step++)
        {
            ct.ThrowIfCancellationRequested();
            int[] batch = order.Skip(step * batchSize).Take(batchSize).ToArray();
            bool[] flip = batch.Select(_ => config.Data.HorizontalFlip && random.NextDouble() < 0.5).ToArray();
            foreach (var group in optimizer.ParamGroups) group.LearningRate = schedule.At(epoch, step);
            using var scope = NewDisposeScope();
            var x = builder.Build(batch, flip, device);
            var y = tensor(batch.Select(i => (long)labels.Current[i]).ToArray(), device: device);
            using var output = student.call(x);
            // The relabel candidates are decided on the division the epoch started with, before this step records into it.
            bool[]? noisyByCoDivide = config.Relabel.CandidatesFromCoDivide && coDivide!.HasTargets ? coDivide.LooksNoisy(batch) : null;
            var (loss, wce, split) = objective.Compute(output, y, batch, epoch, step);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            ema?.Update();

            var predicted = output.FusedProbabilities().argmax(1);
            correct += (int)predicted.eq(y).sum().item<long>();
            seen += batch.Length;
            lossSum += loss.item<float>();
            wceSum += wce.item<float>();
            rrSum += split.Loss.item<float>();
            highSum += split.MeanHigh;
            lowSum += split.MeanLow;
            accounting?.Record(batch, y, batch.Select(i => labels.Current[i]).ToArray(), split, output);
            IReadOnlyList<bool>? candidates = config.Relabel.CandidatesAll ? Array.ConvertAll(batch, _ => true)
                : config.Relabel.CandidatesFromCoDivide ? noisyByCoDivide : split.IsLow;
            if (rectifier.IsActive(epoch) && candidates is not null)
                log.Write(rectifier.Apply(epoch, batch, candidates, Rectifying(x, output), labels, paths));
            progress?.Report(new TrainingProgress(epoch, config.Optim.Epochs, step + 1, steps, lossSum / (step + 1), (double)correct / seen));
        }
        coDivide?.EndEpoch(epoch);
        var (count, precision) = log.EndEpoch();
        var metrics = new EpochMetrics
        {
            Epoch = epoch, Lr = firstLr, Loss = lossSum / steps, LossWce = wceSum / steps, LossRr = rrSum / steps,
            TrainAccuracy = (double)correct / seen, AlphaHigh = highSum / steps, AlphaLow = lowSum / steps,
            RelabelCount = count, RelabelPrecision = precision, LabelCleanFraction = labels.CleanAgreement(), Delta2 = Delta2(epoch),
        };
        return accounting is null ? metrics : accounting.EndEpoch(epoch, labels, metrics);
    }

    /// <summary>The per-branch probabilities that drive rectification: the EMA teachers', or with <c>--ema off</c> the students' own.</summary>
    private float[][][] Rectifying(Tensor x, SiameseOutput studentOutput)
    {
        if (ema is null) return studentOutput.Branches.Select(Probabilities).ToArray();
        using var _ = no_grad();
        using var teacherOutput = ((SiameseNetwork)ema.Teacher).call(x);
        return teacherOutput.Branches.Select(Probabilities).ToArray();
    }

    private float[][] Probabilities(BranchOutput branch)
    {
        using var _ = no_grad();
        return config.Relabel.AlphaScaledProbabilities
            ? Predictor.Rows(branch.Probabilities())
            : Predictor.Rows(branch.Logits.softmax(1));
    }
}
