using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npa.Monitor.Tests.Inference;
using OpenCvSharp;

namespace Npa.Monitor.Tests.Annotation;

/// <summary>With <c>annotate --model</c>, each branch's CAM is drawn over the stored crop on request, for sessions only.</summary>
public class AnnotateCam_Tests
{
    [Fact]
    public async Task Each_Branch_Gets_Its_Own_Overlay_At_The_Crop_Size_Only_With_A_Session()
    {
        await using var fixture = await AnnotateFixture.StartAsync(model: FixturePackage.Folder);
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseUri };
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.BaseUri };
        using (var login = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = AnnotateFixture.AnnPassword }))
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        string id = fixture.Frames[0].Id;

        using var frames = JsonDocument.Parse(await http.GetStringAsync("api/frames"));
        var cams = frames.RootElement.GetProperty("frames")[0].GetProperty("cam").EnumerateArray().Select(c => c.GetString()!).ToList();
        using var a = await http.GetAsync($"api/frames/{id}/cam/0");
        using var b = await http.GetAsync($"api/frames/{id}/cam/1");
        using var none = await http.GetAsync($"api/frames/{id}/cam/2");

        Assert.Equal([$"/api/frames/{id}/cam/0", $"/api/frames/{id}/cam/1"], cams);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/frames/{id}/cam/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.True(a.Headers.CacheControl!.NoStore);
        byte[] pngA = await a.Content.ReadAsByteArrayAsync(), pngB = await b.Content.ReadAsByteArrayAsync();
        using var overlayA = Cv2.ImDecode(pngA, ImreadModes.Color);
        using var overlayB = Cv2.ImDecode(pngB, ImreadModes.Color);
        Assert.Equal(new Size(AnnotateFixture.CropSize, AnnotateFixture.CropSize), overlayA.Size());
        Assert.Equal(overlayA.Size(), overlayB.Size());
        using var crop = Cv2.ImDecode(await http.GetByteArrayAsync($"api/frames/{id}/crop"), ImreadModes.Color);
        Assert.NotEqual(crop.At<Vec3b>(8, 8), overlayA.At<Vec3b>(8, 8)); // a heatmap was blended in
    }

    [Fact]
    public async Task Without_A_Model_The_Cam_Path_Says_Why_There_Is_None()
    {
        await using var fixture = await AnnotateFixture.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.BaseUri };
        using (var login = await http.PostAsJsonAsync("api/login", new { annotator = "ann", password = AnnotateFixture.AnnPassword }))
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);

        using var response = await http.GetAsync($"api/frames/{fixture.Frames[0].Id}/cam/0");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("started without --model", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
