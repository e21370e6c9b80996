using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>A throwaway self-signed server certificate for the embedded broker's TLS listener, as PEM files.</summary>
[SupportedOSPlatform("linux")]
public static class SelfSignedCertificate
{
    /// <summary>Writes <c>broker.pem</c> and <c>broker.key</c> (0600) into <paramref name="folder"/>, naming <paramref name="address"/> and localhost.</summary>
    public static (string CertificateFile, string KeyFile) Write(string folder, IPAddress address)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=npa-embedded-broker", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(address);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        // Self-signed and used as its own CA file by mosquitto_sub (--cafile), so it must be a CA as well.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        string certificateFile = Path.Combine(folder, "broker.pem");
        string keyFile = Path.Combine(folder, "broker.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (certificateFile, keyFile);
    }
}
