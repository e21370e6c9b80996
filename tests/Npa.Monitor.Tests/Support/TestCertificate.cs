using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Npa.Monitor.Tests.Support;

/// <summary>A self-signed server certificate for localhost and 127.0.0.1, written as PEM files (certificate, key) for Web:Certificate*.</summary>
internal static class TestCertificate
{
    public static (string Certificate, string Key) WritePem(string folder, TimeSpan? validFor = null)
    {
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=npa-monitor-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "server authentication")], critical: false));
        var now = DateTimeOffset.UtcNow;
        // A negative validFor gives a certificate that has expired.
        var span = validFor ?? TimeSpan.FromDays(30);
        var (from, to) = span > TimeSpan.Zero ? (now.AddDays(-1), now + span) : (now.AddDays(-30), now + span);
        using var certificate = request.CreateSelfSigned(from, to);
        string certificatePath = Path.Combine(folder, "web-cert.pem");
        string keyPath = Path.Combine(folder, "web-key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>An HTTP client that trusts the test certificate (only it) and keeps cookies.</summary>
    public static HttpClient Client(Uri baseUri, string certificatePath, System.Net.CookieContainer? cookies = null)
    {
        var expected = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies ?? new System.Net.CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(expected.RawData),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUri };
    }
}
