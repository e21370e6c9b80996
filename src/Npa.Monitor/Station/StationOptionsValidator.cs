using System.Net;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Shared.Messages;

namespace Npa.Monitor.Station;

/// <summary>Checks the <c>Station</c> section, every problem at once, each naming its key.</summary>
internal sealed class StationOptionsValidator : IValidateOptions<StationOptions>
{
    public ValidateOptionsResult Validate(string? name, StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = StationOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Host)) errors.Add($"{s}:Host", "is empty; name the broker (default 127.0.0.1)");
        errors.Range($"{s}:Port", options.Port, 1, 65535);
        errors.Range($"{s}:KeepAliveSeconds", options.KeepAliveSeconds, 1, 600);
        errors.Range($"{s}:WebPort", options.WebPort, 0, 65535);
        errors.Range($"{s}:HistoryMinutes", options.HistoryMinutes, 1, 240);
        try
        {
            _ = new MqttTopics(options.TopicPrefix);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{s}:TopicPrefix", ex.Message);
        }
        if (options.ClientId is { } id && (id.Length == 0 || id.Length > 128 || id.Any(char.IsControl)))
            errors.Add($"{s}:ClientId", "must be 1 to 128 characters without control characters (or left out)");
        CheckCredentials(options, errors);
        if (options.CaFile is { } ca)
        {
            if (!options.Tls) errors.Add($"{s}:CaFile", $"is set but {s}:Tls is false");
            else if (!File.Exists(ca)) errors.Add($"{s}:CaFile", $"'{ca}' does not exist");
        }
        if (!IPAddress.TryParse(options.BindAddress, out var bind))
            errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not an IP address");
        else if (!IPAddress.IsLoopback(bind))
            errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not loopback; the ward page has no sign-in of its own, so it serves this machine only (127.0.0.1 or ::1)");
        return errors.Result();
    }

    private static void CheckCredentials(StationOptions options, OptionsErrors errors)
    {
        const string s = StationOptions.Section;
        bool user = !string.IsNullOrWhiteSpace(options.Username);
        if (user && options.Username!.Any(c => c is '/' or '+' or '#' || char.IsControl(c)))
            errors.Add($"{s}:Username", "must not contain '/', '+', '#' or control characters (it signs each command as 'user/nurse')");
        if (user && string.IsNullOrWhiteSpace(options.PasswordFile))
            errors.Add($"{s}:PasswordFile", $"is empty; {s}:Username needs a password file (first line)");
        else if (!user && !string.IsNullOrWhiteSpace(options.PasswordFile))
            errors.Add($"{s}:PasswordFile", $"is set without {s}:Username");
        else if (user && !File.Exists(options.PasswordFile))
            errors.Add($"{s}:PasswordFile", $"'{options.PasswordFile}' does not exist");
    }
}
