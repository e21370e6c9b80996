using Microsoft.Extensions.Options;

namespace Npa.Monitor.Storage;

/// <summary>Checks <see cref="FlaggingOptions"/> at start; each failure names its key.</summary>
public sealed class FlaggingOptionsValidator : IValidateOptions<FlaggingOptions>
{
    /// <summary>Config section the options bind from (used in messages).</summary>
    public const string Section = "Flagging";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FlaggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.LowAlphaThreshold is { } a && !(a is >= 0 and <= 1))
            errors.Add($"{Section}:LowAlphaThreshold is {a}; it must be between 0 and 1, or left out to use the model manifest's");
        if (!(options.LowConfidenceThreshold is >= 0 and <= 1))
            errors.Add($"{Section}:LowConfidenceThreshold is {options.LowConfidenceThreshold}; it must be between 0 and 1");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
