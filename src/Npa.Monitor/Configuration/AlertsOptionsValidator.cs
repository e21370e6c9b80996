using Microsoft.Extensions.Options;
using Npa.Shared.Nips;

namespace Npa.Monitor.Configuration;

/// <summary>Bounds and cross-field checks of <see cref="AlertsOptions"/> (hysteresis, odd median window, timeouts).</summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = AlertsOptions.Section;
        if (!Enum.IsDefined(options.Smoothing)) errors.Add($"{s}:Smoothing", $"'{options.Smoothing}' is unknown; use Ema or Median");
        errors.Range($"{s}:EmaHalfLifeSeconds", options.EmaHalfLifeSeconds, 0.1, 600);
        errors.Range($"{s}:MedianWindow", options.MedianWindow, 1, 301);
        if (options.MedianWindow % 2 == 0) errors.Add($"{s}:MedianWindow", $"({options.MedianWindow}) must be odd so the median is one assessment");
        errors.Range($"{s}:StartScore", options.StartScore, 0, NipsScale.MaxScore);
        errors.Range($"{s}:EndScore", options.EndScore, 0, NipsScale.MaxScore);
        if (options.EndScore >= options.StartScore)
            errors.Add($"{s}:EndScore", $"({options.EndScore}) must be below {s}:StartScore ({options.StartScore}) for hysteresis");
        errors.Range($"{s}:SustainSeconds", options.SustainSeconds, 0, 600);
        errors.Range($"{s}:EndSustainSeconds", options.EndSustainSeconds, 0, 600);
        errors.Range($"{s}:CooldownSeconds", options.CooldownSeconds, 0, 3600);
        errors.Range($"{s}:UpdateIntervalSeconds", options.UpdateIntervalSeconds, 1, 3600);
        errors.Range($"{s}:NoFaceAfterSeconds", options.NoFaceAfterSeconds, 0.5, 600);
        errors.Range($"{s}:SignalLostEndSeconds", options.SignalLostEndSeconds, 0.5, 3600);
        errors.Range($"{s}:MinConfidence", options.MinConfidence, 0, 1);
        errors.Range($"{s}:MaxScoreSpread", options.MaxScoreSpread, 0.1, 3.5);
        if (options.SignalLostEndSeconds < options.NoFaceAfterSeconds)
            errors.Add($"{s}:SignalLostEndSeconds", $"({options.SignalLostEndSeconds}) must be at least {s}:NoFaceAfterSeconds ({options.NoFaceAfterSeconds})");
        return errors.Result();
    }
}
