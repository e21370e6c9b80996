using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Web;

public class FlagApi_Tests
{
    private const string Token = "test-token-0123456789abcdef";

    [Fact]
    public async Task Flags_And_Crops_Need_The_Bearer_Token()
    {
        await using var monitor = await TestMonitor.StartAsync(s =>
        {
            s["Web:Token"] = Token;
            s["Flagging:LowConfidenceThreshold"] = "0.6";
        });
        // 2.5 splits its mass between NIPS 2 and 3: confidence 0.5 is below the threshold, so the frame is flagged.
        await using var feeder = new Feeder((monitor.Beds["bed-1"], () => 2.5), (monitor.Beds["bed-2"], () => 6));
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        using var anonymous = await http.GetAsync("api/flags");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/flags") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        JsonElement frame = default;
        await Eventually.TrueAsync(() =>
        {
            using var doc = JsonDocument.Parse(http.GetStringAsync("api/flags").GetAwaiter().GetResult());
            var frames = doc.RootElement.GetProperty("frames").EnumerateArray().ToList();
            if (frames.Count == 0) return false;
            frame = frames[0].Clone();
            return true;
        }, "a flagged frame");
        Assert.Equal("bed-1", frame.GetProperty("bed").GetString());
        Assert.Contains("low_confidence", frame.GetProperty("reasons").GetString());
        string crop = frame.GetProperty("crop").GetString()!;

        var png = await http.GetByteArrayAsync(crop.TrimStart('/'));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(crop.TrimStart('/'))).StatusCode);
        Assert.True(monitor.Service.Beds[0].AssessedCount > 0);
    }

    [Fact]
    public async Task Without_A_Configured_Token_The_Flags_Api_Is_Closed()
    {
        await using var monitor = await TestMonitor.StartAsync();
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything-long-enough-here");

        using var response = await http.GetAsync("api/flags");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no Web:TokenFile is configured", await response.Content.ReadAsStringAsync());
    }
}
