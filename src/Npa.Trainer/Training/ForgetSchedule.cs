using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>Co-teaching's R(T) = 1 − τ·min(T/Tk, 1): the share of each batch a branch keeps, with T in (fractional) epochs.</summary>
public sealed class ForgetSchedule
{
    private readonly int stepsPerEpoch;

    /// <summary>The schedule of <paramref name="config"/> for epochs of <paramref name="stepsPerEpoch"/> steps.</summary>
    public ForgetSchedule(TrainConfig config, int stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        this.stepsPerEpoch = stepsPerEpoch;
        ForgetRate = config.Loss.ForgetRate ?? config.Data.NoiseRate;
        RampEpochs = config.Loss.ForgetRampEpochs
            ?? LossOptions.CoTeachingReferenceRampEpochs * config.Optim.Epochs / config.Relabel.Delta2ReferenceEpochs;
    }

    /// <summary>τ, the forget rate reached at the end of the ramp.</summary>
    public double ForgetRate { get; }

    /// <summary>Tk, in epochs.</summary>
    public double RampEpochs { get; }

    /// <summary>The kept share at 0-based <paramref name="step"/> of 1-based <paramref name="epoch"/>.</summary>
    public double KeepFraction(int epoch, int step)
    {
        double t = epoch - 1 + (double)step / stepsPerEpoch;
        return 1 - ForgetRate * Math.Min(t / RampEpochs, 1);
    }
}
