using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Checks the bed list: ids usable as MQTT topic levels, unique, known source schemes, sane rates.</summary>
internal sealed partial class BedsOptionsValidator : IValidateOptions<BedsOptions>
{
    private static readonly string[] SourceSchemes = ["sim:", "file:", "folder:", "v4l2:", "rtsp://", "rtsps://", "http://", "https://"];

    public ValidateOptionsResult Validate(string? name, BedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        if (options.Count == 0) errors.Add("Beds", "at least one bed is required");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Count; i++)
        {
            var bed = options[i];
            string key = $"Beds:{i}";
            if (!BedIdPattern().IsMatch(bed.Id))
                errors.Add($"{key}:Id", $"'{bed.Id}' is not a valid bed id; use 1–32 of a–z, 0–9, '-' and '_'");
            else if (!seen.Add(bed.Id))
                errors.Add($"{key}:Id", $"'{bed.Id}' is used by more than one bed");
            if (string.IsNullOrWhiteSpace(bed.Source))
                errors.Add($"{key}:Source", "is required (sim:, file:, folder:, v4l2:, rtsp:// or http://)");
            else if (!SourceSchemes.Any(s => bed.Source.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{key}:Source", $"'{bed.Source}' has an unknown scheme; use sim:, file:, folder:, v4l2:, rtsp:// or http://");
            if (bed.Detector is { Length: > 0 } d && !CaptureOptionsValidator.Detectors.Contains(d))
                errors.Add($"{key}:Detector", $"'{d}' is unknown; use {string.Join(" or ", CaptureOptionsValidator.Detectors)}");
            errors.Range($"{key}:AssessmentRateHz", bed.AssessmentRateHz, 0.1, 30);
        }
        return errors.Result();
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex BedIdPattern();
}
