using System.Net;
using System.Text.Json;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Web;

public class WebEndpoints_Tests
{
    [Fact]
    public async Task Health_Api_Metrics_And_Events_Describe_The_Running_Beds()
    {
        await using var monitor = await TestMonitor.StartAsync();
        await using var feeder = new Feeder((monitor.Beds["bed-1"], () => 6), (monitor.Beds["bed-2"], () => 1));
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };
        await Eventually.TrueAsync(() => monitor.Service.Beds.All(b => b.AssessedCount > 3), "both beds assessed");

        using var health = JsonDocument.Parse(await http.GetStringAsync("healthz"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("test-model-1", health.RootElement.GetProperty("model").GetString());

        using var beds = JsonDocument.Parse(await http.GetStringAsync("api/beds"));
        var list = beds.RootElement.GetProperty("beds").EnumerateArray().ToList();
        Assert.Equal(["bed-1", "bed-2"], list.Select(b => b.GetProperty("bed").GetString()));
        Assert.Equal("severe", list[0].GetProperty("category").GetString());
        Assert.Equal("no_pain", list[1].GetProperty("category").GetString());
        Assert.True(list[0].GetProperty("history").GetArrayLength() > 0);
        Assert.Equal("online", list[0].GetProperty("camera").GetString());

        // Rates are sampled every 2 s.
        string metrics = "";
        await Eventually.TrueAsync(() =>
        {
            metrics = http.GetStringAsync("metrics").GetAwaiter().GetResult();
            return metrics.Contains("npa_assessed_fps{bed=\"bed-1\"}", StringComparison.Ordinal);
        }, "per-bed rates in /metrics");
        foreach (var name in new[] { "npa_camera_fps{bed=\"bed-2\"}", "npa_skipped_fps{bed=\"bed-1\"}", "npa_flagged_frames{bed=\"bed-1\"}", "npa_inference_ms", "npa_inference_queue_depth", "npa_bed_score{bed=\"bed-1\"}" })
            Assert.Contains(name, metrics);

        using var events = await http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal("event: snapshot", await reader.ReadLineAsync());
        string? data = await reader.ReadLineAsync();
        Assert.StartsWith("data: {\"beds\":[", data);
        Assert.Equal("", await reader.ReadLineAsync());
        Assert.Equal("event: bed", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Dashboard_Files_Come_From_The_Assembly_With_A_Strict_Policy()
    {
        await using var monitor = await TestMonitor.StartAsync();
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        using var page = await http.GetAsync("");
        string html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script src=\"dashboard.js\"></script>", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("EventSource", await http.GetStringAsync("dashboard.js"));
        Assert.Equal("text/css", (await http.GetAsync("dashboard.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("nothing.js")).StatusCode);
    }

    [Fact]
    public async Task Web_Server_Listens_On_Loopback_Only_By_Default()
    {
        await using var monitor = await TestMonitor.StartAsync();

        Assert.Equal("127.0.0.1", monitor.BaseUri.Host);
    }
}
