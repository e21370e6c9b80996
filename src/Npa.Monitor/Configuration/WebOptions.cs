namespace Npa.Monitor.Configuration;

/// <summary>The <c>Web</c> section: dashboard, health, metrics and the API.</summary>
public sealed class WebOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Web";

    /// <summary>IP address to listen on. Loopback by default; any other address needs a token and a certificate.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port, 0 (pick a free one) – 65535.</summary>
    public int Port { get; set; } = 8480;

    /// <summary>
    /// File holding the dashboard token (first line, at least 16 characters): always needed for /api/flags, and for the
    /// patient data (/api/beds, /api/events, /metrics) when <see cref="BindAddress"/> is not loopback.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>The token itself (prefer <see cref="TokenFile"/>); at least 16 characters.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Host names (and addresses) the server answers to, besides localhost, 127.0.0.1, [::1] and the bind address (with
    /// a wildcard bind, the machine's name and addresses). A request naming another <c>Host</c> gets 400, so a page on
    /// another site cannot read scores through DNS rebinding. <c>*.example.org</c> allows the subdomains.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>PEM certificate (chain) to serve HTTPS with; needed when <see cref="BindAddress"/> is not loopback.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>; empty when the key is in the certificate file.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Minutes of score history kept per bed for the dashboard sparkline, 1–120.</summary>
    public int HistoryMinutes { get; set; } = 5;
}
