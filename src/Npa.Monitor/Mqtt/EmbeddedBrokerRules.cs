using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// Where the embedded broker may listen and with what (part of <see cref="MqttOptionsValidator"/>): off loopback only
/// with TLS and without anonymous clients, since patient scores must not be readable by anyone on the ward network.
/// </summary>
internal static class EmbeddedBrokerRules
{
    /// <summary>Whether the broker listens on loopback only (127.0.0.0/8 or ::1); false for anything else, wildcards included.</summary>
    public static bool IsLoopback(string host) => IPAddress.TryParse(host, out var address) && IsLoopback(address);

    /// <summary>Loopback, also as an IPv4-mapped IPv6 address (how a dual-stack socket reports 127.0.0.1).</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    public static void Validate(MqttOptions options, Action<string, string> fail)
    {
        if (!string.IsNullOrWhiteSpace(options.Host) && !IPAddress.TryParse(options.Host, out _))
            fail("Host", $"is '{options.Host}'; the embedded broker binds an IP address such as 127.0.0.1");
        else if (!string.IsNullOrWhiteSpace(options.Host) && !IsLoopback(options.Host))
        {
            if (!options.Tls)
                fail("Host", $"is '{options.Host}', off loopback, but Mqtt:Tls is false; the embedded broker listens off loopback only with TLS (Mqtt:Tls, Mqtt:CertificateFile, Mqtt:KeyFile)");
            if (options.AllowAnonymousSubscribers)
                fail("AllowAnonymousSubscribers", $"is true, but Mqtt:Host '{options.Host}' is off loopback; anonymous clients may subscribe on loopback only, so set it to false and give each station a Mqtt:DashboardUsers entry");
        }
        if (options.CaFile is not null)
            fail("CaFile", "is for an external broker; the monitor's own client trusts exactly the embedded broker's Mqtt:CertificateFile");
        if (options.Tls) ValidateCertificate(options, fail);
        else
        {
            if (options.CertificateFile is not null) fail("CertificateFile", "is set but Mqtt:Tls is false");
            if (options.KeyFile is not null) fail("KeyFile", "is set but Mqtt:Tls is false");
        }
    }

    public static void ValidateExternal(MqttOptions options, Action<string, string> fail)
    {
        if (options.CaFile is { } ca)
        {
            if (!options.Tls) fail("CaFile", "is set but Mqtt:Tls is false");
            else if (!File.Exists(ca)) fail("CaFile", $"'{ca}' does not exist");
        }
        if (options.CertificateFile is not null) fail("CertificateFile", "is for the embedded broker's TLS listener; Mqtt:Mode is External");
        if (options.KeyFile is not null) fail("KeyFile", "is for the embedded broker's TLS listener; Mqtt:Mode is External");
    }

    /// <summary>The embedded broker's certificate and key, for its TLS listener.</summary>
    public static X509Certificate2 LoadServerCertificate(MqttOptions options) =>
        X509Certificate2.CreateFromPemFile(options.CertificateFile!, options.KeyFile!);

    private static void ValidateCertificate(MqttOptions options, Action<string, string> fail)
    {
        bool present = true;
        foreach (var (key, file) in new[] { ("CertificateFile", options.CertificateFile), ("KeyFile", options.KeyFile) })
        {
            if (string.IsNullOrWhiteSpace(file)) fail(key, "is empty; the embedded broker with Mqtt:Tls needs a PEM certificate and its key");
            else if (!File.Exists(file)) fail(key, $"'{file}' does not exist");
            else continue;
            present = false;
        }
        if (!present) return;
        try
        {
            using var certificate = LoadServerCertificate(options);
        }
        catch (CryptographicException ex)
        {
            fail("CertificateFile", $"'{options.CertificateFile}' with Mqtt:KeyFile '{options.KeyFile}' cannot be loaded: {ex.Message}");
        }
    }
}
