using System.Net;
using System.Net.Http.Headers;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Web;

/// <summary>Who may read patient data: the Host allow-list always, and the dashboard token off loopback.</summary>
public sealed class WebAccess_Tests
{
    private const string Token = "ward-3-dashboard-token-0123456789";

    private static HttpRequestMessage Get(string path, string? host = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            return response.StatusCode;
    }

    [Fact]
    public async Task Foreign_Host_Header_Is_Refused_On_Every_Path_So_DNS_Rebinding_Cannot_Read_Scores()
    {
        await using var monitor = await TestMonitor.StartAsync();
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };
        int port = monitor.BaseUri.Port;

        foreach (var path in new[] { "", "dashboard.js", "api/beds", "api/events", "metrics", "healthz" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, Get(path, host: $"rebind.attacker.example:{port}")));
            Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, Get(path, host: "192.0.2.7")));
        }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds", host: $"localhost:{port}")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds", host: $"127.0.0.1:{port}")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds", host: $"[::1]:{port}")));
    }

    [Fact]
    public async Task Configured_Allowed_Host_Is_Answered_And_Others_Are_Not()
    {
        await using var monitor = await TestMonitor.StartAsync(s =>
        {
            s["Web:AllowedHosts:0"] = "npa-monitor.ward3.example";
            s["Web:AllowedHosts:1"] = "*.nicu.example";
        });
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds", host: "npa-monitor.ward3.example")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds", host: "station-2.nicu.example:8480")));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, Get("api/beds", host: "npa-monitor.ward4.example")));
    }

    [Fact]
    public async Task On_Loopback_The_Dashboard_Data_Needs_No_Token_Even_When_One_Is_Configured()
    {
        await using var monitor = await TestMonitor.StartAsync(s => s["Web:Token"] = Token);
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/beds")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("api/events")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("metrics")));
        // The flags API (crops) needs the token wherever the server listens.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, Get("api/flags")));
    }

    [Fact]
    public async Task Off_Loopback_Patient_Data_Needs_The_Token_Over_Https_And_The_Session_Cookie_Opens_The_Stream()
    {
        string certs = Directory.CreateTempSubdirectory("npa-web-cert-").FullName;
        try
        {
            var (certificate, key) = TestCertificate.WritePem(certs);
            await using var monitor = await TestMonitor.StartAsync(s =>
            {
                s["Web:BindAddress"] = "0.0.0.0";
                s["Web:Token"] = Token;
                s["Web:CertificatePath"] = certificate;
                s["Web:CertificateKeyPath"] = key;
            });
            Assert.Equal("https", monitor.BaseUri.Scheme);
            var cookies = new CookieContainer();
            using var http = TestCertificate.Client(monitor.BaseUri, certificate, cookies);

            foreach (var path in new[] { "api/beds", "api/events", "api/models", "metrics" })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, Get(path)));
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, Get(path, bearer: "not-the-dashboard-token")));
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get(path, bearer: Token)));
            }
            // The page itself and the health check carry no patient data.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("")));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, Get("healthz")));

            using (var wrong = new HttpRequestMessage(HttpMethod.Post, "api/session") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-dashboard-token") } })
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, wrong));
            Assert.Empty(cookies.GetAllCookies());
            using (var signIn = new HttpRequestMessage(HttpMethod.Post, "api/session") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } })
            using (var response = await http.SendAsync(signIn))
            {
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                string setCookie = response.Headers.GetValues("Set-Cookie").Single();
                Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Token, setCookie, StringComparison.Ordinal);
            }

            // What the dashboard's EventSource does: no header, only the cookie.
            using var events = await http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, events.StatusCode);
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
            Assert.Equal("event: snapshot", await reader.ReadLineAsync());
        }
        finally
        {
            Directory.Delete(certs, recursive: true);
        }
    }
}
