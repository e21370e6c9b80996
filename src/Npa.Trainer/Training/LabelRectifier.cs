using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Training;

/// <summary>
/// Eqs. 5–7: replaces the label of a low-α sample by y_max when every branch's predictor (EMA teacher, or student with
/// <c>--ema off</c>) agrees on y_max, P_com = mean Pmax ≥ δ2, and in each branch Pmax − P(y_org) &gt; margin.
/// With <c>relabel.rule = noise_posterior</c> the decision is <see cref="NoisePosterior"/>'s instead (see
/// <see cref="RelabelOptions.Rule"/>).
/// </summary>
public sealed class LabelRectifier
{
    private readonly RelabelOptions options;
    private readonly IReadOnlyList<double[]>? transition;
    private bool gateOpen;

    /// <summary>
    /// Rectifier for a run of <paramref name="totalEpochs"/> epochs; <paramref name="transition"/> (T[clean][given]) is the
    /// assumed noise model, required by the noise-posterior rule.
    /// </summary>
    public LabelRectifier(RelabelOptions options, int totalEpochs, IReadOnlyList<double[]>? transition = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Enabled && options.IsNoisePosterior && transition is null)
            throw new ArgumentNullException(nameof(transition), "relabel.rule = noise_posterior needs the assumed noise model");
        this.transition = transition;
        Schedule = new Delta2Schedule(options, totalEpochs);
    }

    /// <summary>The δ2 schedule in force.</summary>
    public Delta2Schedule Schedule { get; }

    /// <summary>
    /// Whether labels may change in 1-based <paramref name="epoch"/>: from the start epoch on, and with
    /// <c>relabel.start_teacher_accuracy</c> set only once <see cref="OpenGate"/> has been called.
    /// </summary>
    public bool IsActive(int epoch) => options.Enabled && epoch >= options.StartEpoch && (options.StartTeacherAccuracy is null || gateOpen);

    /// <summary>Records that the predictors passed the validation bar; rectification may start from the next step on.</summary>
    public void OpenGate() => gateOpen = true;

    /// <summary>
    /// Applies the rule to one batch. <paramref name="branchProbabilities"/>[b][i] is branch b's probability vector for batch
    /// item i; <paramref name="samples"/>[i] is its training-set index; <paramref name="isLow"/>[i] marks group L. Changes are
    /// written to <paramref name="labels"/> and returned as events.
    /// </summary>
    public IReadOnlyList<RelabelEvent> Apply(int epoch, IReadOnlyList<int> samples, IReadOnlyList<bool> isLow,
        IReadOnlyList<IReadOnlyList<float[]>> branchProbabilities, LabelStore labels, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(isLow);
        ArgumentNullException.ThrowIfNull(branchProbabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(paths);
        if (!IsActive(epoch)) return [];
        if (branchProbabilities.Count == 0) throw new ArgumentException("no branch probabilities", nameof(branchProbabilities));
        if (isLow.Count != samples.Count || branchProbabilities.Any(p => p.Count != samples.Count))
            throw new ArgumentException("samples, isLow and every branch's probabilities must have the same length");
        double delta2 = Schedule.At(epoch);
        var events = new List<RelabelEvent>();
        for (int i = 0; i < samples.Count; i++)
        {
            if (!isLow[i]) continue;
            int sample = samples[i];
            int old = labels.Current[sample];
            int? decided = options.IsNoisePosterior
                ? DecideByPosterior(branchProbabilities, i, labels.Given[sample], old, out double pCom)
                : Decide(branchProbabilities, i, old, delta2, out pCom);
            if (decided is not int y) continue;
            labels.Set(sample, y);
            events.Add(new RelabelEvent(epoch, sample, paths[sample], old, y, labels.Clean[sample], pCom, delta2));
        }
        return events;
    }

    /// <summary>The new label for batch item <paramref name="i"/> with current label <paramref name="old"/>, or null to keep it.</summary>
    internal int? Decide(IReadOnlyList<IReadOnlyList<float[]>> branchProbabilities, int i, int old, double delta2, out double pCom)
    {
        pCom = 0;
        int agreed = -1;
        foreach (var branch in branchProbabilities)
        {
            float[] p = branch[i];
            int yMax = ArgMax(p);
            if (agreed >= 0 && yMax != agreed) return null;
            agreed = yMax;
            if (!(p[yMax] - p[old] > options.Margin)) return null;
            pCom += p[yMax];
        }
        pCom /= branchProbabilities.Count;
        return pCom >= delta2 ? agreed : null;
    }

    /// <summary>
    /// The noise-posterior decision for batch item <paramref name="i"/>: each branch's posterior given the label as given
    /// (<paramref name="given"/>) must peak on the same class, and the posterior of the branches' mean probabilities must put
    /// at least the bar on it; null when that class is already the current label. <paramref name="pPost"/> is that posterior.
    /// </summary>
    internal int? DecideByPosterior(IReadOnlyList<IReadOnlyList<float[]>> branchProbabilities, int i, int given, int current, out double pPost)
    {
        pPost = 0;
        int classes = branchProbabilities[0][i].Length;
        var mean = new float[classes];
        int agreed = -1;
        foreach (var branch in branchProbabilities)
        {
            float[] p = branch[i];
            int yMax = ArgMax(NoisePosterior.Of(p, given, transition!));
            if (agreed >= 0 && yMax != agreed) return null;
            agreed = yMax;
            for (int k = 0; k < classes; k++) mean[k] += p[k] / branchProbabilities.Count;
        }
        double[] posterior = NoisePosterior.Of(mean, given, transition!);
        pPost = posterior[agreed];
        return pPost >= options.EffectivePosteriorThreshold && agreed != current ? agreed : null;
    }

    private static int ArgMax(double[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    private static int ArgMax(float[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
