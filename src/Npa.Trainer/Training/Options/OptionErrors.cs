namespace Npa.Trainer.Training.Options;

/// <summary>Collects readable validation messages for a config section, prefixed by the section's key.</summary>
public sealed class OptionErrors
{
    private readonly List<string> messages = [];

    /// <summary>All messages gathered so far.</summary>
    public IReadOnlyList<string> Messages => messages;

    /// <summary>Adds <paramref name="message"/> for <paramref name="key"/> when <paramref name="condition"/> is false.</summary>
    public void Require(bool condition, string key, string message)
    {
        if (!condition) messages.Add($"{key}: {message}");
    }

    /// <summary>Requires <paramref name="value"/> to lie in [min, max].</summary>
    public void InRange(double value, double min, double max, string key) =>
        Require(value >= min && value <= max, key, $"must be in [{min}, {max}], got {value}");

    /// <summary>Throws one <see cref="TrainConfigException"/> listing every message, if there are any.</summary>
    public void ThrowIfAny(string source)
    {
        if (messages.Count > 0)
            throw new TrainConfigException($"invalid training config ({source}):{Environment.NewLine}  - "
                + string.Join(Environment.NewLine + "  - ", messages));
    }
}
