using Microsoft.Extensions.Options;
using Npa.Capture.Sources;

namespace Npa.Capture.Configuration;

/// <summary>Validates one bed's <see cref="CameraOptions"/> (named options: the name is the bed).</summary>
public sealed class CameraOptionsValidator : IValidateOptions<CameraOptions>
{
    public ValidateOptionsResult Validate(string? name, CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate(string.IsNullOrEmpty(name) ? "Camera" : $"Beds.{name}.Camera").ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
