using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Web;

/// <summary>The dashboard's HTTPS certificate, from the PEM files in <c>Web:CertificatePath</c> and <c>Web:CertificateKeyPath</c>.</summary>
public static class WebCertificate
{
    /// <summary>True when HTTPS is configured.</summary>
    public static bool IsConfigured(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.CertificatePath);
    }

    /// <summary>Loads the certificate with its key; throws <see cref="CryptographicException"/> or an I/O exception.</summary>
    public static X509Certificate2 Load(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string certificate = options.CertificatePath ?? throw new InvalidOperationException("Web:CertificatePath is not set");
        return X509Certificate2.CreateFromPemFile(certificate, string.IsNullOrWhiteSpace(options.CertificateKeyPath) ? null : options.CertificateKeyPath);
    }

    /// <summary>Why the configured certificate cannot serve (it does not load, has no key, or is out of date), naming the key; null when it can or none is set.</summary>
    public static string? Problem(WebOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsConfigured(options)) return null;
        string what = string.IsNullOrWhiteSpace(options.CertificateKeyPath) ? $"'{options.CertificatePath}'" : $"'{options.CertificatePath}' with the key '{options.CertificateKeyPath}'";
        try
        {
            using var certificate = Load(options);
            if (!certificate.HasPrivateKey) return $"{WebOptions.Section}:CertificateKeyPath: {what} has no private key; give the key's PEM file";
            if (now < certificate.NotBefore) return $"{WebOptions.Section}:CertificatePath: {what} is not valid before {certificate.NotBefore.ToUniversalTime():u}";
            if (now > certificate.NotAfter) return $"{WebOptions.Section}:CertificatePath: {what} expired on {certificate.NotAfter.ToUniversalTime():u}";
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"{WebOptions.Section}:CertificatePath: cannot load {what} as PEM: {ex.Message}";
        }
    }
}
