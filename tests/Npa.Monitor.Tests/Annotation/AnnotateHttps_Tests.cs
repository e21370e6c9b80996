using System.Net;
using System.Net.Http.Json;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Annotation;

/// <summary>Off loopback the annotator page speaks HTTPS only, and its session cookie is Secure.</summary>
public class AnnotateHttps_Tests
{
    [Fact]
    public async Task Off_Loopback_With_A_Certificate_It_Serves_Https_And_A_Secure_HttpOnly_Cookie()
    {
        string certs = Directory.CreateTempSubdirectory("npa-annotate-cert-").FullName;
        try
        {
            var (certificate, key) = TestCertificate.WritePem(certs);
            await using var fixture = await AnnotateFixture.StartAsync(tweak: o =>
            {
                o.BindAddress = "0.0.0.0";
                o.CertificatePath = certificate;
                o.CertificateKeyPath = key;
            });
            // The test certificate is self-signed; a ward's would come from the hospital's CA.
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using var http = new HttpClient(handler) { BaseAddress = fixture.BaseUri };

            using var login = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = AnnotateFixture.AnnPassword });
            using var plain = new HttpClient { BaseAddress = new UriBuilder(fixture.BaseUri) { Scheme = "http" }.Uri };

            Assert.Equal("https", fixture.BaseUri.Scheme);
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
            string cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith("npa_annotator=", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync("/"));
        }
        finally
        {
            Directory.Delete(certs, recursive: true);
        }
    }
}
