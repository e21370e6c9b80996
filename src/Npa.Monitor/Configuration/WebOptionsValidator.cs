using System.Net;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Checks the bind address, port and token; a non-loopback address needs a token.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    internal const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = WebOptions.Section;
        if (!IPAddress.TryParse(options.BindAddress, out var address))
            errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not an IP address");
        errors.Range($"{s}:Port", options.Port, 0, 65535);
        errors.Range($"{s}:HistoryMinutes", options.HistoryMinutes, 1, 120);
        if (options.Token is { } token && token.Trim().Length < MinTokenLength)
            errors.Add($"{s}:Token", $"is shorter than {MinTokenLength} characters");
        if (options.TokenFile is { Length: > 0 } file && !File.Exists(file))
            errors.Add($"{s}:TokenFile", $"'{file}' does not exist");
        bool hasToken = !string.IsNullOrWhiteSpace(options.Token) || !string.IsNullOrWhiteSpace(options.TokenFile);
        if (address is not null && !IPAddress.IsLoopback(address) && !hasToken)
            errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not loopback; set {s}:TokenFile so the API is not open to the network");
        return errors.Result();
    }
}
