using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npa.Monitor.Alarms;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;

namespace Npa.Monitor.Tests.Station;

/// <summary>The ward page in headless Debian Chromium, reading a real monitor's embedded broker as a station user.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class Station_Browser_Tests
{
    [GeneratedRegex(@"^\d\d:\d\d$")]
    private static partial Regex ClockLabel();

    [Fact]
    public async Task Tiles_Sort_By_Severity_And_Ack_And_Hold_Reach_The_Owning_Monitor()
    {
        string secrets = Directory.CreateTempSubdirectory("npa-station-test-").FullName;
        try
        {
            string password = TestStation.PasswordFile(secrets, "station-1", "station-1-password-0123456789");
            await using var monitor = await TestMonitor.StartAsync(s =>
            {
                s["Mqtt:InstanceId"] = "ward-a";
                s["Mqtt:StationUsers:0:Username"] = "station-1";
                s["Mqtt:StationUsers:0:PasswordFile"] = password;
            }, bedIds: ["bed-1", "bed-2", "bed-3"]);
            await using var feeder = new Feeder((monitor.Beds["bed-1"], () => 1), (monitor.Beds["bed-2"], () => 6), (monitor.Beds["bed-3"], () => 3.5));
            int brokerPort = int.Parse(monitor.App.Configuration["Mqtt:Port"]!, CultureInfo.InvariantCulture);
            await using var station = await TestStation.StartAsync(brokerPort, "station-1", password);
            using var playwright = await HeadlessChromium.StartPlaywrightAsync();
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            await page.GotoAsync(station.BaseUri.ToString());
            var tiles = page.Locator("#beds > section");
            // A running severe episode first, then the running mild one, then no pain.
            await Assertions.Expect(tiles.Nth(0)).ToHaveAttributeAsync("data-bed", "bed-2");
            await Assertions.Expect(tiles.Nth(1)).ToHaveAttributeAsync("data-bed", "bed-3");
            await Assertions.Expect(tiles.Nth(2)).ToHaveAttributeAsync("data-bed", "bed-1");
            Assert.Equal(3, await tiles.CountAsync());
            var bed2 = page.Locator("#beds [data-bed='bed-2']");
            var bed3 = page.Locator("#beds [data-bed='bed-3']");
            await Assertions.Expect(bed2.Locator(".alert-banner")).ToContainTextAsync("Pain episode · severe");
            await Assertions.Expect(page.Locator("#banners [data-bed='bed-2']")).ToContainTextAsync("bed-2: pain episode, severe");
            await Assertions.Expect(bed2.Locator(".owner")).ToHaveTextAsync("ward-a · online");
            await Assertions.Expect(bed2.Locator(".camera")).ToHaveTextAsync("camera online");
            await Assertions.Expect(bed2.Locator("footer")).ToHaveTextAsync("model test-model-1");
            await Assertions.Expect(page.Locator("#monitors")).ToHaveTextAsync("ward-a online");
            await Assertions.Expect(bed2).ToHaveAttributeAsync("data-stale", "false");
            // The chart's time axis: ticks at round minutes of the last 15, labelled hh:mm.
            await Assertions.Expect(bed2.Locator("path.line")).ToHaveAttributeAsync("d", new Regex("^M.+L"));
            var labels = await bed2.Locator(".axis-x text").AllTextContentsAsync();
            Assert.InRange(labels.Count, 3, 6);
            Assert.All(labels, l => Assert.Matches(ClockLabel(), l));

            var alarms = monitor.App.Services.GetRequiredService<BedAlarmControls>();
            await bed2.Locator("button[data-action='ack']").ClickAsync();
            await Assertions.Expect(bed2.Locator(".alert-banner")).ToContainTextAsync("acknowledged by station-1");
            var ack = Assert.Single(alarms.Audit, a => a.Command == BedCommandKind.Acknowledge);
            Assert.Equal(("bed-2", "station-1"), (ack.BedId, ack.By));
            Assert.StartsWith("episode ", ack.Outcome, StringComparison.Ordinal);

            await page.FillAsync("#nurse", "j.smith");
            await bed3.Locator("input.minutes").FillAsync("1");
            await bed3.Locator("button[data-action='hold']").ClickAsync();
            await Assertions.Expect(bed3.Locator(".alarm")).ToContainTextAsync("On hold for care until");
            await Assertions.Expect(bed3.Locator(".alarm")).ToContainTextAsync("by station-1/j.smith");
            // The hold ends the running episode and starts none, while the score goes on.
            await Assertions.Expect(bed3.Locator(".alert-banner")).ToBeHiddenAsync();
            await Assertions.Expect(bed3.Locator(".score")).ToHaveTextAsync("3.5");
            var hold = Assert.Single(alarms.Audit, a => a.Command == BedCommandKind.Hold);
            Assert.Equal(("bed-3", "station-1/j.smith", 1), (hold.BedId, hold.By, hold.Minutes));
            await Assertions.Expect(tiles.Nth(1)).ToHaveAttributeAsync("data-bed", "bed-3");
            await Assertions.Expect(tiles.Nth(1)).ToHaveAttributeAsync("data-rank", "4");
            Assert.Empty(errors);
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }
}
