using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Checks the bed list: ids usable as MQTT topic levels and unique, valid cameras, sane rates.</summary>
internal sealed partial class BedsOptionsValidator : IValidateOptions<BedsOptions>
{
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
            if (bed.Id is null)
                errors.Add($"{key}:Id", "is required");
            else if (!BedIdPattern().IsMatch(bed.Id))
                errors.Add($"{key}:Id", $"'{bed.Id}' is not a valid bed id; use 1–32 of a–z, 0–9, '-' and '_'");
            else if (!seen.Add(bed.Id))
                errors.Add($"{key}:Id", $"'{bed.Id}' is used by more than one bed");
            if (bed.Camera is null) errors.Add($"{key}:Camera", "is required");
            else foreach (var problem in bed.CameraForBed().Validate($"{key}:Camera")) errors.AddNamed(problem);
            if (bed.AssessmentRateHz is double rate) errors.Range($"{key}:AssessmentRateHz", rate, 0.1, 30);
            if (bed.Detector is { } detector)
                foreach (var problem in detector.Validate($"{key}:Detector")) errors.AddNamed(problem);
        }
        return errors.Result();
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex BedIdPattern();
}
