using System.Net;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Web;

namespace Npa.Monitor.Annotation;

/// <summary>Settings of <c>npa-monitor annotate</c>, from its command line; every problem is reported together by <see cref="Validate"/>.</summary>
public sealed class AnnotateOptions
{
    /// <summary>Default port, beside the dashboard's 8480.</summary>
    public const int DefaultPort = 8481;

    /// <summary>Folder of the flagged-frame store (<c>flags.db</c>, the store's <c>Folder</c>); the ledger goes beside it.</summary>
    public string StoreFolder { get; set; } = "";

    /// <summary>Password file of the annotators (<see cref="AnnotatorPasswordFile"/>); there is no anonymous access.</summary>
    public string UsersFile { get; set; } = "";

    /// <summary>Address to listen on; loopback by default. Anything else needs <see cref="CertificatePath"/>.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Port to listen on (0 picks a free one, for tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Annotators who must give the same level before it becomes the store's label: 1, or 2 for double annotation.</summary>
    public int RequiredAnnotators { get; set; } = 1;

    /// <summary>How long a login lasts, in hours (1–24).</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>Model package (with feature outputs) that draws each branch's CAM over the crops; none: no CAM is shown.</summary>
    public string? ModelPath { get; set; }

    /// <summary>PEM certificate for HTTPS (required off loopback).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM key of <see cref="CertificatePath"/>, when not in the certificate file.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Extra Host names to answer (as <c>Web:AllowedHosts</c>), for a ward DNS name.</summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>The same settings in the dashboard's shape, for the shared Host allow-list and certificate loading.</summary>
    public WebOptions AsWebOptions() => new()
    {
        BindAddress = BindAddress, Port = Port, CertificatePath = CertificatePath, CertificateKeyPath = CertificateKeyPath, AllowedHosts = [.. AllowedHosts],
    };

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every unusable setting.</summary>
    public void Validate(DateTimeOffset now)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StoreFolder)) errors.Add("--data: no flagged-frame store folder is given");
        if (string.IsNullOrWhiteSpace(UsersFile)) errors.Add("--users: a password file is required; the annotator page has no anonymous access");
        if (!IPAddress.TryParse(BindAddress, out var address)) errors.Add($"--bind: '{BindAddress}' is not an IP address");
        else if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(CertificatePath))
            errors.Add($"--bind: {BindAddress} is off loopback, which puts faces of patients on the network; give --certificate (and --certificate-key) for HTTPS");
        if (Port is < 0 or > 65535) errors.Add($"--port: {Port} is out of range; allowed 0–65535");
        if (RequiredAnnotators is < 1 or > 2) errors.Add($"--required-annotators: {RequiredAnnotators} is out of range; allowed 1 or 2");
        if (double.IsNaN(SessionHours) || SessionHours is < 1 or > 24) errors.Add($"--session-hours: {SessionHours} is out of range; allowed 1–24");
        if (ModelPath is { Length: > 0 } model && !File.Exists(Path.Combine(model, "model.json")) && !File.Exists(model))
            errors.Add($"--model: no model package at '{Path.GetFullPath(model)}'");
        if (WebCertificate.Problem(AsWebOptions(), now) is { } problem) errors.Add(problem.Replace("Web:CertificatePath", "--certificate", StringComparison.Ordinal).Replace("Web:CertificateKeyPath", "--certificate-key", StringComparison.Ordinal));
        if (errors.Count > 0) throw new OptionsValidationException("annotate", typeof(AnnotateOptions), errors);
    }
}
