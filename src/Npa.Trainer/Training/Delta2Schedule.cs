using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>
/// δ2 of Eq. 7: <c>delta2_start</c> up to the rise epoch, then linear to <c>delta2_end</c> at the last epoch. The paper's
/// 50-of-70 rise point is scaled to the run's epoch count (e.g. 50·20/70 ≈ 14.3 for a 20-epoch run).
/// </summary>
public sealed class Delta2Schedule
{
    private readonly RelabelOptions options;
    private readonly int totalEpochs;

    /// <summary>Schedule for a run of <paramref name="totalEpochs"/> epochs.</summary>
    public Delta2Schedule(RelabelOptions options, int totalEpochs)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(totalEpochs, 1);
        this.totalEpochs = totalEpochs;
        RiseEpoch = options.Delta2RiseEpoch * (double)totalEpochs / options.Delta2ReferenceEpochs;
    }

    /// <summary>The (scaled, possibly fractional) epoch after which δ2 starts to rise.</summary>
    public double RiseEpoch { get; }

    /// <summary>δ2 in 1-based <paramref name="epoch"/>.</summary>
    public double At(int epoch)
    {
        if (epoch <= RiseEpoch || totalEpochs <= RiseEpoch) return options.Delta2Start;
        double f = Math.Min(1.0, (epoch - RiseEpoch) / (totalEpochs - RiseEpoch));
        return options.Delta2Start + f * (options.Delta2End - options.Delta2Start);
    }
}
