using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Bounds and cross-field checks of <see cref="CaptureOptions"/>.</summary>
internal sealed class CaptureOptionsValidator : IValidateOptions<CaptureOptions>
{
    internal static readonly string[] Detectors = ["blazeface", "haar"];

    public ValidateOptionsResult Validate(string? name, CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = CaptureOptions.Section;
        if (!Detectors.Contains(options.Detector))
            errors.Add($"{s}:Detector", $"'{options.Detector}' is unknown; use {string.Join(" or ", Detectors)}");
        if (options.Detector == "blazeface" && string.IsNullOrWhiteSpace(options.BlazeFaceModelPath))
            errors.Add($"{s}:BlazeFaceModelPath", "is required when the detector is blazeface");
        errors.Range($"{s}:MinDetectionScore", options.MinDetectionScore, 0.05, 0.99);
        errors.Range($"{s}:CropMargin", options.CropMargin, 0, 1);
        errors.Range($"{s}:MinFaceSize", options.MinFaceSize, 16, 1024);
        errors.Range($"{s}:MinSharpness", options.MinSharpness, 0, 10000);
        errors.Range($"{s}:MinBrightness", options.MinBrightness, 0, 255);
        errors.Range($"{s}:MaxBrightness", options.MaxBrightness, 0, 255);
        if (options.MinBrightness >= options.MaxBrightness)
            errors.Add($"{s}:MinBrightness", $"({options.MinBrightness}) must be below {s}:MaxBrightness ({options.MaxBrightness})");
        errors.Range($"{s}:ReconnectDelaySeconds", options.ReconnectDelaySeconds, 0.1, 60);
        errors.Range($"{s}:MaxReconnectDelaySeconds", options.MaxReconnectDelaySeconds, 1, 600);
        if (options.ReconnectDelaySeconds > options.MaxReconnectDelaySeconds)
            errors.Add($"{s}:ReconnectDelaySeconds", $"({options.ReconnectDelaySeconds}) must not exceed {s}:MaxReconnectDelaySeconds ({options.MaxReconnectDelaySeconds})");
        return errors.Result();
    }
}
