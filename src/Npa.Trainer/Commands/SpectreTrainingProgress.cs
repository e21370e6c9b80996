using System.Globalization;
using Npa.Trainer.Training;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary>Shows a run's progress on a Spectre.Console progress bar and prints one line per epoch.</summary>
public sealed class SpectreTrainingProgress : IProgress<TrainingProgress>
{
    private readonly ProgressTask task;
    private readonly string label;

    /// <summary>Reports into <paramref name="task"/>, prefixing descriptions with <paramref name="label"/>.</summary>
    public SpectreTrainingProgress(ProgressTask task, string label)
    {
        this.task = task ?? throw new ArgumentNullException(nameof(task));
        this.label = label;
    }

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        task.MaxValue = (double)value.Epochs * value.Steps;
        task.Value = (double)(value.Epoch - 1) * value.Steps + value.Step;
        task.Description = string.Create(CultureInfo.InvariantCulture,
            $"{Markup.Escape(label)} epoch {value.Epoch}/{value.Epochs} loss {value.Loss:F3} acc {value.Accuracy:P1}");
        if (value.Completed is { } m)
        {
            string teacher = m.ValAccuracyTeacher is double t ? FormattableString.Invariant($"  teacher {t:P1}") : "";
            string precision = m.RelabelPrecision is double p ? FormattableString.Invariant($" ({p:P0} right)") : "";
            AnsiConsole.MarkupLine(FormattableString.Invariant(
                $"[grey]{Markup.Escape(label)}[/] epoch {m.Epoch,3}  loss {m.Loss:F4}  train {m.TrainAccuracy:P1}  val student {m.ValAccuracyStudent:P1}{teacher}  α H/L {m.AlphaHigh:F3}/{m.AlphaLow:F3}  relabels {m.RelabelCount}{precision}  {m.Seconds:F1}s  {m.PeakWorkingSetMb:F0} MiB"));
        }
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar.</summary>
    public static T Show<T>(string label, Func<IProgress<TrainingProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx => result = work(new SpectreTrainingProgress(ctx.AddTask(Markup.Escape(label)), label)));
        return result;
    }
}
