namespace Npa.Monitor.Models;

/// <summary>Margins, confidence and resampling of the validation gate.</summary>
public sealed record GateSettings
{
    public double MarginAccuracy { get; init; } = 0.02;

    /// <summary>In NIPS points.</summary>
    public double MarginMae { get; init; } = 0.10;

    public double MarginSevereRecall { get; init; } = 0.05;

    /// <summary>Two-sided confidence of the bootstrap interval (0.5..0.999).</summary>
    public double Confidence { get; init; } = 0.95;

    public int Resamples { get; init; } = 2000;

    public int Seed { get; init; } = 1;

    /// <summary>Everything wrong with the settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(MarginAccuracy is >= 0 and <= 1)) problems.Add($"--margin-accuracy must be 0..1, got {MarginAccuracy}");
        if (!(MarginMae is >= 0 and <= 7)) problems.Add($"--margin-mae must be 0..7, got {MarginMae}");
        if (!(MarginSevereRecall is >= 0 and <= 1)) problems.Add($"--margin-severe-recall must be 0..1, got {MarginSevereRecall}");
        if (!(Confidence is >= 0.5 and <= 0.999)) problems.Add($"--confidence must be 0.5..0.999, got {Confidence}");
        if (Resamples is < 100 or > 100_000) problems.Add($"--resamples must be 100..100000, got {Resamples}");
        return problems;
    }
}
