using Microsoft.Playwright;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Web;

/// <summary>The dashboard in headless Debian Chromium (driven by Playwright; no browser is downloaded).</summary>
public class Dashboard_Browser_Tests
{
    [Fact]
    public async Task Tiles_Change_Live_As_Scores_Change()
    {
        await using var monitor = await TestMonitor.StartAsync(s => s["Alerts:NoFaceAfterSeconds"] = "0.5");
        double? bed1 = 1, bed2 = 1;
        await using var feeder = new Feeder((monitor.Beds["bed-1"], () => bed1), (monitor.Beds["bed-2"], () => bed2));
        using var playwright = await HeadlessChromium.StartPlaywrightAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(monitor.BaseUri.ToString());
        var tile1 = page.Locator("[data-bed='bed-1']");
        var tile2 = page.Locator("[data-bed='bed-2']");
        await Assertions.Expect(tile1).ToHaveAttributeAsync("data-category", "no_pain");
        await Assertions.Expect(tile2).ToHaveAttributeAsync("data-category", "no_pain");
        await Assertions.Expect(tile1.Locator(".score")).ToHaveTextAsync("1.0");
        await Assertions.Expect(tile1.Locator(".alert-banner")).ToBeHiddenAsync();
        await Assertions.Expect(tile1.Locator(".camera")).ToHaveTextAsync("camera online");
        await page.EvaluateAsync("window.__sameDocument = true");

        bed1 = 6;

        await Assertions.Expect(tile1).ToHaveAttributeAsync("data-category", "severe");
        await Assertions.Expect(tile1.Locator(".score")).ToHaveTextAsync("6.0");
        await Assertions.Expect(tile1.Locator(".alert-banner")).ToBeVisibleAsync();
        await Assertions.Expect(tile1.Locator(".alert-banner")).ToContainTextAsync("Pain episode · severe");
        await Assertions.Expect(page.Locator("#alerts li[data-kind='start']")).ToContainTextAsync("bed-1");
        await Assertions.Expect(tile2).ToHaveAttributeAsync("data-category", "no_pain");
        string sparkline = await tile1.Locator("path.line").GetAttributeAsync("d") ?? "";
        Assert.StartsWith("M", sparkline);
        Assert.Contains("L", sparkline);

        bed1 = 3.5;
        await Assertions.Expect(tile1).ToHaveAttributeAsync("data-category", "mild_moderate");

        // A bed whose face is lost shows no score and says why.
        bed2 = null;
        await Assertions.Expect(tile2).ToHaveAttributeAsync("data-category", "none");
        await Assertions.Expect(tile2.Locator(".score")).ToHaveTextAsync("–");
        await Assertions.Expect(tile2.Locator(".category")).ToHaveTextAsync("no face");

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded instead of updating live");
        if (Environment.GetEnvironmentVariable("NPA_DASHBOARD_SCREENSHOT") is { Length: > 0 } shot)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.Empty(errors);
    }
    [Fact]
    public async Task Off_Loopback_The_Dashboard_Asks_For_The_Token_Then_Shows_The_Beds_Live()
    {
        const string token = "ward-3-dashboard-token-0123456789";
        string certs = Directory.CreateTempSubdirectory("npa-web-cert-").FullName;
        try
        {
            var (certificate, key) = TestCertificate.WritePem(certs);
            await using var monitor = await TestMonitor.StartAsync(s =>
            {
                s["Web:BindAddress"] = "0.0.0.0";
                s["Web:Token"] = token;
                s["Web:CertificatePath"] = certificate;
                s["Web:CertificateKeyPath"] = key;
            });
            await using var feeder = new Feeder((monitor.Beds["bed-1"], () => 6), (monitor.Beds["bed-2"], () => 1));
            using var playwright = await HeadlessChromium.StartPlaywrightAsync();
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            // The test certificate is self-signed; a ward's would come from the hospital's CA.
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { IgnoreHTTPSErrors = true });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            await page.GotoAsync(monitor.BaseUri.ToString());
            await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("token needed");
            Assert.Equal(0, await page.Locator("[data-bed]").CountAsync());

            await page.FillAsync("#token", "not-the-dashboard-token");
            await page.ClickAsync("#login button");
            await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("not this monitor");

            await page.FillAsync("#token", token);
            await page.ClickAsync("#login button");
            await Assertions.Expect(page.Locator("#login")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("[data-bed='bed-1']")).ToHaveAttributeAsync("data-category", "severe");
            await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("live");
            Assert.Empty(errors);
        }
        finally
        {
            Directory.Delete(certs, recursive: true);
        }
    }
}
