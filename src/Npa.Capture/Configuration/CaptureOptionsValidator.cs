using Microsoft.Extensions.Options;

namespace Npa.Capture.Configuration;

/// <summary>Validates <see cref="CaptureOptions"/> at start (register with <c>ValidateOnStart()</c>); every problem in one readable message.</summary>
public sealed class CaptureOptionsValidator : IValidateOptions<CaptureOptions>
{
    public ValidateOptionsResult Validate(string? name, CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
