using System.Net;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>
/// Checks the bind address, port, token, certificate and allowed hosts. Off loopback the dashboard carries patient data
/// over the ward network, so a non-loopback address needs both a token and a certificate (HTTPS).
/// </summary>
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
        CheckCertificate(options, errors);
        CheckAllowedHosts(options.AllowedHosts, errors);

        bool hasToken = !string.IsNullOrWhiteSpace(options.Token) || !string.IsNullOrWhiteSpace(options.TokenFile);
        bool hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        if (address is not null && !IPAddress.IsLoopback(address))
        {
            if (!hasToken)
                errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not loopback; set {s}:TokenFile so the patient data and the API are not open to the network");
            if (!hasCertificate)
                errors.Add($"{s}:BindAddress", $"'{options.BindAddress}' is not loopback; set {s}:CertificatePath (and {s}:CertificateKeyPath) so the dashboard and the API are served over HTTPS");
        }
        return errors.Result();
    }

    private static void CheckCertificate(WebOptions options, OptionsErrors errors)
    {
        const string s = WebOptions.Section;
        if (options.CertificatePath is { Length: > 0 } certificate && !File.Exists(certificate))
            errors.Add($"{s}:CertificatePath", $"'{certificate}' does not exist");
        if (options.CertificateKeyPath is { Length: > 0 } key)
        {
            if (string.IsNullOrWhiteSpace(options.CertificatePath)) errors.Add($"{s}:CertificateKeyPath", $"is set without {s}:CertificatePath");
            else if (!File.Exists(key)) errors.Add($"{s}:CertificateKeyPath", $"'{key}' does not exist");
        }
    }

    private static void CheckAllowedHosts(string[]? hosts, OptionsErrors errors)
    {
        const string key = $"{WebOptions.Section}:AllowedHosts";
        if (hosts is null) return;
        for (int i = 0; i < hosts.Length; i++)
        {
            string host = hosts[i]?.Trim() ?? "";
            if (host == "*")
                errors.Add($"{key}:{i}", "'*' would answer any Host header, which lets a page on another site read the scores (DNS rebinding); list the names");
            else if (Uri.CheckHostName(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host) == UriHostNameType.Unknown)
                errors.Add($"{key}:{i}", $"'{hosts[i]}' is not a host name or address (no scheme, port or path; IPv6 in brackets)");
        }
    }
}
