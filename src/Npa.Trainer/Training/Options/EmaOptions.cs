namespace Npa.Trainer.Training.Options;

/// <summary>EMA teachers (Eq. 8).</summary>
public sealed record EmaOptions
{
    /// <summary>Keep EMA teachers; off means the students' own predictions drive rectification (paper ablation).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Decay λ (paper: 0.999).</summary>
    public double Decay { get; init; } = 0.999;

    /// <summary>
    /// Mean-teacher warm-up λ_t = min(λ, (1+t)/(10+t)). On by default: with ~7 steps an epoch plain λ = 0.999 leaves the
    /// teachers near their initial weights (ARCHITECTURE.md). Off gives plain λ.
    /// </summary>
    public bool Warmup { get; init; } = true;

    /// <summary>BatchNorm buffers of the teacher: <c>copy</c> the student's (default) or <c>ema</c> them like weights.</summary>
    public string Buffers { get; init; } = "copy";

    internal void Validate(OptionErrors errors)
    {
        errors.Require(Decay > 0 && Decay < 1, "ema.decay", $"must be in (0, 1), got {Decay}");
        errors.Require(Buffers is "copy" or "ema", "ema.buffers", $"must be copy or ema, got '{Buffers}'");
    }
}
