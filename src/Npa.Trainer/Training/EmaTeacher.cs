using Npa.Trainer.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// Eq. 8: a teacher whose weights are an exponential moving average of a student's, θ' ← λ_t θ' + (1 − λ_t) θ, updated after
/// every optimizer step, never trained by gradients.
/// </summary>
/// <remarks>
/// BatchNorm buffers are copied from the student by default: running mean/var are already an exponential average of the
/// student's batch statistics, so averaging them again would lag them ~1/(1−λ) steps behind the weights they normalise,
/// and num_batches_tracked is an integer that cannot be averaged. <c>ema.buffers = "ema"</c> averages floating buffers too.
/// </remarks>
public sealed class EmaTeacher
{
    private readonly (Tensor Student, Tensor Teacher)[] parameters;
    private readonly (Tensor Student, Tensor Teacher)[] buffers;
    private readonly EmaOptions options;

    /// <summary>Pairs <paramref name="teacher"/> with <paramref name="student"/> (same structure), copies the student into it, freezes it.</summary>
    public EmaTeacher(nn.Module student, nn.Module teacher, EmaOptions options)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Teacher = teacher;
        parameters = Pair(student.named_parameters().Select(p => (p.name, (Tensor)p.parameter)),
            teacher.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "parameter");
        buffers = Pair(student.named_buffers(), teacher.named_buffers(), "buffer");
        foreach (var (_, t) in parameters) t.requires_grad = false;
        using (no_grad())
        {
            foreach (var (s, t) in parameters) t.copy_(s);
            foreach (var (s, t) in buffers) t.copy_(s);
        }
        teacher.eval();
    }

    /// <summary>The teacher module (in eval mode).</summary>
    public nn.Module Teacher { get; }

    /// <summary>Number of updates applied so far (t in the warm-up formula); restored on resume.</summary>
    public long Step { get; set; }

    /// <summary>The decay used for update number <paramref name="step"/>: min(λ, (1+t)/(10+t)) with warm-up, else λ.</summary>
    public static double DecayAt(long step, EmaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Warmup ? Math.Min(options.Decay, (1.0 + step) / (10.0 + step)) : options.Decay;
    }

    /// <summary>Applies one EMA update from the student's current weights.</summary>
    public void Update()
    {
        double decay = DecayAt(Step, options);
        using var keep = decay.ToScalar();
        using var take = (1 - decay).ToScalar();
        using (no_grad())
        {
            foreach (var (s, t) in parameters) t.mul_(keep).add_(s, take);
            foreach (var (s, t) in buffers)
            {
                if (options.Buffers == "ema" && t.is_floating_point()) t.mul_(keep).add_(s, take);
                else t.copy_(s);
            }
        }
        Step++;
    }

    private static (Tensor, Tensor)[] Pair(IEnumerable<(string name, Tensor tensor)> student,
        IEnumerable<(string name, Tensor tensor)> teacher, string kind)
    {
        var s = student.ToList();
        var t = teacher.ToDictionary(x => x.name, x => x.tensor, StringComparer.Ordinal);
        if (s.Count != t.Count)
            throw new ArgumentException($"student and teacher differ in structure: {s.Count} vs {t.Count} {kind}s");
        var pairs = new (Tensor, Tensor)[s.Count];
        for (int i = 0; i < s.Count; i++)
        {
            var (name, st) = s[i];
            if (!t.TryGetValue(name, out var tt))
                throw new ArgumentException($"teacher has no {kind} named '{name}'; student and teacher must have identical structure");
            if (!st.shape.SequenceEqual(tt.shape))
                throw new ArgumentException($"{kind} '{name}' is [{string.Join(",", st.shape)}] in the student but [{string.Join(",", tt.shape)}] in the teacher");
            pairs[i] = (st, tt);
        }
        return pairs;
    }
}
