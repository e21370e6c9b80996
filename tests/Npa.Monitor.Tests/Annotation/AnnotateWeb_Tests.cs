using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Npa.Monitor.Tests.Annotation;

/// <summary>The annotator page's API over real HTTP: nothing without a login, and nothing cached.</summary>
public class AnnotateWeb_Tests
{
    private static async Task<HttpClient> LoggedInAsync(AnnotateFixture fixture, string annotator, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.BaseUri };
        using var login = await http.PostAsJsonAsync("api/login", new { annotator, password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return http;
    }

    [Fact]
    public async Task Without_A_Session_Frames_Crops_Answers_And_Audit_Give_401()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseUri };
        string id = fixture.Frames[0].Id;

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/frames")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"api/frames/{id}/crop")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync($"api/frames/{id}/answer", new { value = "3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/audit")).StatusCode);
        Assert.Null(fixture.Store.Find(id)!.AnnotatorLabel);
    }

    [Fact]
    public async Task A_Wrong_Password_Or_Unknown_Annotator_Gives_401_And_No_Cookie()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseUri };

        using var wrong = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = AnnotateFixture.BobPassword });
        using var unknown = await http.PostAsJsonAsync("api/login", new { annotator = "mallory", password = AnnotateFixture.AnnPassword });
        using var forged = new HttpRequestMessage(HttpMethod.Get, "api/frames") { Headers = { { "Cookie", "npa_annotator=made-up-session-id" } } };

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_Logged_In_Annotator_Gets_The_Crop_Uncached_And_Labels_A_Frame()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = await LoggedInAsync(fixture, "ann", AnnotateFixture.AnnPassword);
        string id = fixture.Frames[1].Id;

        using var frames = JsonDocument.Parse(await http.GetStringAsync("api/frames"));
        var first = frames.RootElement.GetProperty("frames")[0];
        using var crop = await http.GetAsync($"api/frames/{id}/crop");
        using var answer = await http.PostAsJsonAsync($"api/frames/{id}/answer", new { value = "6" });
        using var bad = await http.PostAsJsonAsync($"api/frames/{id}/answer", new { value = "8" });

        Assert.Equal(3, frames.RootElement.GetProperty("frames").GetArrayLength());
        // Expected score of [.05 .05 .1 .5 .1 .1 .05 .05] is 0.05+0.2+1.5+0.4+0.5+0.3+0.35 = 3.3: mild to moderate.
        Assert.Equal(3.3, first.GetProperty("score").GetDouble(), 6);
        Assert.Equal("mild_moderate", first.GetProperty("band").GetString());
        Assert.Equal(0.24, first.GetProperty("alpha").GetDouble(), 6);
        Assert.Equal("low_alpha|low_confidence", first.GetProperty("reasons").GetString());
        Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
        Assert.Equal("image/png", crop.Content.Headers.ContentType!.MediaType);
        Assert.True(crop.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal((int?)6, fixture.Store.Find(id)!.AnnotatorLabel);
        Assert.Equal("ann", fixture.Store.Find(id)!.Annotator);
    }

    [Fact]
    public async Task After_Five_Wrong_Passwords_Even_The_Right_One_Gets_429_For_That_Name()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseUri };
        for (int i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = $"guess-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var blocked = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = AnnotateFixture.AnnPassword });
        using var other = await http.PostAsJsonAsync("api/login", new { annotator = "bob", password = AnnotateFixture.BobPassword });

        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        Assert.Equal("60", blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }

    [Fact]
    public async Task A_Foreign_Host_Header_Is_Refused()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "evil.example" } };

        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }
}
