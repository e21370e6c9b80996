namespace Npa.Trainer.Training;

/// <summary>What resume needs beyond the weights: progress, EMA step, and the best epoch so far (state.json).</summary>
public sealed record TrainingState
{
    /// <summary>Last completed epoch.</summary>
    public int Epoch { get; init; }

    /// <summary>EMA updates applied.</summary>
    public long EmaStep { get; init; }

    /// <summary>Best validation epoch so far (0: none).</summary>
    public int BestEpoch { get; init; }

    /// <summary>Best validation accuracy so far.</summary>
    public double BestAccuracy { get; init; } = -1;

    /// <summary>Which network reached it.</summary>
    public string BestWinner { get; init; } = "student";

    /// <summary>Student validation accuracy at the best epoch.</summary>
    public double BestStudentAccuracy { get; init; }

    /// <summary>Teacher validation accuracy at the best epoch.</summary>
    public double? BestTeacherAccuracy { get; init; }

    /// <summary>Relabels so far.</summary>
    public int RelabelTotal { get; init; }

    /// <summary>Epoch at whose end the predictors passed <c>relabel.start_teacher_accuracy</c> (null: not yet, or no bar).</summary>
    public int? RectificationGateEpoch { get; init; }

    /// <summary>The temperature of the noise-posterior rule's probabilities fitted at the end of the last epoch (null: T = 1).</summary>
    public double? PosteriorTemperature { get; init; }

    /// <summary>Seconds spent in epochs so far.</summary>
    public double Seconds { get; init; }
}
