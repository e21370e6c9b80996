namespace Npa.Monitor.Configuration;

/// <summary>The <c>Web</c> section: dashboard, health, metrics and the API.</summary>
public sealed class WebOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Web";

    /// <summary>IP address to listen on. Loopback by default; any other address needs a token.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port, 0 (pick a free one) – 65535.</summary>
    public int Port { get; set; } = 8480;

    /// <summary>File holding the bearer token for /api/flags (first line, at least 16 characters).</summary>
    public string? TokenFile { get; set; }

    /// <summary>The bearer token itself (prefer <see cref="TokenFile"/>); at least 16 characters.</summary>
    public string? Token { get; set; }

    /// <summary>Minutes of score history kept per bed for the dashboard sparkline, 1–120.</summary>
    public int HistoryMinutes { get; set; } = 5;
}
