using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Bounds of <see cref="FlaggingOptions"/>.</summary>
internal sealed class FlaggingOptionsValidator : IValidateOptions<FlaggingOptions>
{
    public ValidateOptionsResult Validate(string? name, FlaggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = FlaggingOptions.Section;
        if (options.LowAlphaThreshold is double a) errors.Range($"{s}:LowAlphaThreshold", a, 0, 1);
        errors.Range($"{s}:LowConfidenceThreshold", options.LowConfidenceThreshold, 0, 1);
        errors.Range($"{s}:MaxScoreSpread", options.MaxScoreSpread, 0.1, 3.5);
        errors.Range($"{s}:MaxPerBedPerMinute", options.MaxPerBedPerMinute, 1, 600);
        return errors.Result();
    }
}
