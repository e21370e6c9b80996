using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Station;

/// <summary>The station's command endpoint refuses what it must not send, with a reason.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StationEndpoints_Tests
{
    private static async Task<(HttpStatusCode Status, string Error)> PostAsync(HttpClient http, string path, string? json, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = json is null ? new StringContent("minutes=5") : new StringContent(json, Encoding.UTF8, "application/json") };
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.TryGetProperty("error", out var e) ? e.GetString()! : "");
    }

    [Fact]
    public async Task Commands_That_Cannot_Be_Meant_Are_Refused_And_A_Station_Without_A_User_Sends_None()
    {
        string secrets = Directory.CreateTempSubdirectory("npa-station-test-").FullName;
        try
        {
            string password = TestStation.PasswordFile(secrets, "station-1", "station-1-password-0123456789");
            string viewerPassword = TestStation.PasswordFile(secrets, "viewer-1", "viewer-1-password-0123456789");
            await using var monitor = await TestMonitor.StartAsync(s =>
            {
                s["Mqtt:StationUsers:0:Username"] = "station-1";
                s["Mqtt:StationUsers:0:PasswordFile"] = password;
                s["Mqtt:DashboardUsers:0:Username"] = "viewer-1";
                s["Mqtt:DashboardUsers:0:PasswordFile"] = viewerPassword;
            }, bedIds: ["bed-1"]);
            await using var feeder = new Feeder((monitor.Beds["bed-1"], () => 1));
            int port = int.Parse(monitor.App.Configuration["Mqtt:Port"]!, CultureInfo.InvariantCulture);
            await using var station = await TestStation.StartAsync(port, "station-1", password);
            await using var readOnly = await TestStation.StartAsync(port);
            // A station configured with a dashboard user: the embedded broker refuses its publish with a reason code.
            await using var viewer = await TestStation.StartAsync(port, "viewer-1", viewerPassword);
            await Eventually.TrueAsync(() => station.Board.Knows("bed-1") && readOnly.Board.Knows("bed-1") && viewer.Board.Knows("bed-1"), "the stations see bed-1");
            using var http = new HttpClient { BaseAddress = station.BaseUri };
            using var http2 = new HttpClient { BaseAddress = readOnly.BaseUri };

            Assert.Equal((HttpStatusCode.UnsupportedMediaType, "send the command as application/json"), await PostAsync(http, "api/beds/bed-1/hold", null));
            Assert.Equal((HttpStatusCode.Forbidden, "commands come from the ward page itself, not from http://evil.example"),
                await PostAsync(http, "api/beds/bed-1/hold", """{"minutes":5}""", "http://evil.example"));
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "api/beds/bed-1/reboot", "{}")).Status);
            Assert.Equal((HttpStatusCode.NotFound, "no monitor has reported bed 'bed-9'"), await PostAsync(http, "api/beds/bed-9/hold", """{"minutes":5}"""));
            Assert.Equal((HttpStatusCode.BadRequest, "minutes must be 1 to 120"), await PostAsync(http, "api/beds/bed-1/hold", """{"minutes":0}"""));
            Assert.Equal((HttpStatusCode.Conflict, "bed 'bed-1' has no running pain episode to acknowledge"), await PostAsync(http, "api/beds/bed-1/ack", "{}"));
            Assert.Equal((HttpStatusCode.BadRequest, "nurse must be at most 64 characters without '/', '+', '#' or control characters"),
                await PostAsync(http, "api/beds/bed-1/hold", """{"minutes":5,"nurse":"a/b"}"""));
            Assert.Equal((HttpStatusCode.Forbidden, "this station has no broker user (Station:Username), so it may not send commands"),
                await PostAsync(http2, "api/beds/bed-1/hold", """{"minutes":5}"""));
            Assert.False((await http2.GetFromJsonAsync<JsonElement>("api/ward")).GetProperty("canCommand").GetBoolean());

            using var http3 = new HttpClient { BaseAddress = viewer.BaseUri };
            using (var refused = await http3.PostAsync("api/beds/bed-1/silence", new StringContent("""{"minutes":5}""", Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                var outcome = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("the broker refused it (NotAuthorized)", outcome.GetProperty("refusal").GetString());
                Assert.Equal("viewer-1", outcome.GetProperty("by").GetString());
            }

            var (status, _) = await PostAsync(http, "api/beds/bed-1/silence", """{"minutes":5}""", station.BaseUri.GetLeftPart(UriPartial.Authority));
            Assert.Equal(HttpStatusCode.Accepted, status);
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }
}
