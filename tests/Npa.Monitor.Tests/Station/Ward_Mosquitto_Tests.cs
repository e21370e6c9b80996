using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Playwright;
using Npa.Monitor.Tests.Configuration;
using Npa.Monitor.Tests.Mqtt;
using Npa.Monitor.Tests.Soak;
using Npa.Shared.Messages;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Station;

/// <summary>
/// Issue 13's ward: a real mosquitto with an ACL, three monitor processes of four simulated beds each, and the
/// station's page in headless Chromium. Every bed shows once; a kill -9ed monitor's beds go stale by its Last Will
/// while the others stay live; ack and hold from the page reach the owning monitor; a viewer cannot command.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class Ward_Mosquitto_Tests(ITestOutputHelper output)
{
    private const int KeepAliveSeconds = 5; // MqttClientOptionsFactory's, the monitors' keep-alive

    private static string Monitor(int i) => $"ward-{i}";

    private static string Bed(int monitor, int bed) => $"w{monitor}-b{bed}";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Three_Monitors_Of_Four_Beds_On_Mosquitto_Show_On_The_Station_And_Obey_It()
    {
        string root = MonitorOptions_Tests.RepoRoot();
        string dll = Path.Combine(root, "src", "Npa.Monitor", "bin", "Release", "net10.0", "linux-x64", "npa-monitor.dll");
        Assert.True(File.Exists(dll), $"build the monitor first (dotnet build src/Npa.Monitor -c Release): {dll} is missing");
        string[] users = [.. Enumerable.Range(1, 3).Select(Monitor)];
        await using var broker = await WardBroker.StartAsync(users);
        string work = Directory.CreateTempSubdirectory("npa-ward-").FullName;
        var monitors = new List<SoakMonitorProcess>();
        try
        {
            for (int i = 1; i <= 3; i++)
            {
                string config = Path.Combine(work, Monitor(i) + ".json");
                await File.WriteAllTextAsync(config, Config(i, root, Path.Combine(work, Monitor(i)), broker));
                var monitor = new SoakMonitorProcess(dll, config, root, Path.Combine(work, Monitor(i) + ".log"));
                monitors.Add(monitor);
                monitor.Start();
            }
            await using var station = await TestStation.StartAsync(broker.Port, WardBroker.Station, Path.Combine(broker.Folder, WardBroker.Station + ".pw"));
            await using var alerts = await TestSubscriber.ConnectAsync(broker.Port, "npa/beds/+/alert", WardBroker.Viewer, WardBroker.Password(WardBroker.Viewer));
            await using var commands = await TestSubscriber.ConnectAsync(broker.Port, "npa/beds/+/set/+", WardBroker.Viewer, WardBroker.Password(WardBroker.Viewer));
            using var playwright = await Support.HeadlessChromium.StartPlaywrightAsync();
            await using var browser = await Support.HeadlessChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(station.BaseUri.ToString());

            await AllTwelveBedsOnceAndLiveAsync(page);
            await KilledMonitorGoesStaleAloneAsync(page, monitors[1]);
            await AckStopsRemindersAsync(page, alerts);
            await HoldEndsTheEpisodeAndEndsByItselfAsync(page, alerts);
            // NPA_SOAK_*: the monitors take every other NPA_ variable as config, and SoakMonitorProcess strips these.
            if (Environment.GetEnvironmentVariable("NPA_SOAK_STATION_SCREENSHOT") is { Length: > 0 } shot)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            await ViewerAndAnonymousCannotCommandAsync(page, broker, commands);
            Assert.Empty(errors);

            // Each owning monitor's own audit names the station's user; nothing the viewer sent was ever applied.
            await Eventually.HoldsAsync(() => Log(work, 1).Contains("bed w1-b3: Silence by station-1", StringComparison.Ordinal), "ward-1 audits the silence", 10);
            Assert.Contains("bed w1-b1: Acknowledge by station-1", Log(work, 1), StringComparison.Ordinal);
            Assert.Contains("bed w3-b1: Hold by station-1", Log(work, 3), StringComparison.Ordinal);
            Assert.Contains("bed w3-b1: hold by station-1 ended by itself", Log(work, 3), StringComparison.Ordinal);
            Assert.DoesNotContain("by viewer", Log(work, 1), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var m in monitors) m.Dispose();
            for (int i = 1; i <= monitors.Count; i++)
                output.WriteLine($"--- {Monitor(i)}.log (last lines)\n" + string.Join('\n', File.ReadLines(Path.Combine(work, Monitor(i) + ".log")).TakeLast(8)));
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A running monitor's log so far (it is still being written).</summary>
    private static string Log(string work, int i)
    {
        using var stream = new FileStream(Path.Combine(work, Monitor(i) + ".log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task AllTwelveBedsOnceAndLiveAsync(IPage page)
    {
        var tiles = page.Locator("#beds > section");
        var slow = new LocatorAssertionsToHaveCountOptions { Timeout = 180_000 };
        // Three monitors starting at once on a small machine load their models and detectors slowly.
        await Assertions.Expect(page.Locator("#beds > section[data-stale='false']")).ToHaveCountAsync(12, slow);
        var ids = await tiles.EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.bed)");
        string[] expected = [.. Enumerable.Range(1, 3).SelectMany(m => Enumerable.Range(1, 4).Select(b => Bed(m, b))).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        await Assertions.Expect(page.Locator("#monitors")).ToHaveTextAsync("ward-1 online · ward-2 online · ward-3 online");
    }

    private async Task KilledMonitorGoesStaleAloneAsync(IPage page, SoakMonitorProcess ward2)
    {
        var clock = Stopwatch.StartNew();
        await ward2.KillAsync();
        var limit = TimeSpan.FromSeconds(1.5 * KeepAliveSeconds);
        await Assertions.Expect(page.Locator("#beds > section[data-stale='true']")).ToHaveCountAsync(4, new() { Timeout = (float)limit.TotalMilliseconds });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill -9 → 4 tiles stale after {clock.Elapsed.TotalSeconds:F2} s (limit {limit.TotalSeconds} s)"));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, limit);
        var stale = await page.Locator("#beds > section[data-stale='true']").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.bed)");
        Assert.Equal([Bed(2, 1), Bed(2, 2), Bed(2, 3), Bed(2, 4)], stale.Order(StringComparer.Ordinal));
        await Assertions.Expect(page.Locator("#beds > section[data-stale='false']")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#beds [data-bed='w2-b1'] .staleness")).ToContainTextAsync("Monitor ward-2 offline");
        // A command is not retained: sent to an offline monitor it would be lost, so the stale tile offers none.
        await Assertions.Expect(page.Locator("#beds [data-bed='w2-b1'] button[data-action='hold']")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#beds [data-bed='w1-b1'] button[data-action='hold']")).ToBeEnabledAsync();
    }

    private static async Task AckStopsRemindersAsync(IPage page, TestSubscriber alerts)
    {
        var acked = page.Locator("#beds [data-bed='w1-b1']");
        var ack = acked.Locator("button[data-action='ack']");
        await Assertions.Expect(ack).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await ack.ClickAsync();
        await Assertions.Expect(acked.Locator(".alert-banner")).ToContainTextAsync("acknowledged by station-1", new() { Timeout = 15_000 });
        // From here the acknowledged episode gets no periodic reminder, while an episode on the same monitor that
        // nobody acknowledged gets its reminders every second (Alerts:UpdateIntervalSeconds).
        int before = alerts.Messages.Count;
        await Eventually.HoldsAsync(() => Periodic(alerts, "w1-b2", before) >= 3, "three reminders for the unacknowledged w1-b2", 30);
        Assert.Equal(0, Periodic(alerts, "w1-b1", before));
    }

    private static int Periodic(TestSubscriber alerts, string bed, int from) =>
        alerts.Messages.Skip(from).Count(m => m.Topic == $"npa/beds/{bed}/alert" && m.Payload.Contains("\"reason\":\"periodic\"", StringComparison.Ordinal));

    private static async Task HoldEndsTheEpisodeAndEndsByItselfAsync(IPage page, TestSubscriber alerts)
    {
        var held = page.Locator("#beds [data-bed='w3-b1']");
        await Assertions.Expect(held.Locator(".alert-banner")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await held.Locator("input.minutes").FillAsync("1");
        await held.Locator("button[data-action='hold']").ClickAsync();
        await Assertions.Expect(held.Locator(".alarm")).ToContainTextAsync("On hold for care until", new() { Timeout = 15_000 });
        await Assertions.Expect(held.Locator(".alert-banner")).ToBeHiddenAsync();
        int during = alerts.Messages.Count;
        // Scoring goes on while held; the hold ends by itself after its minute, and the next episode may start.
        await Assertions.Expect(held.Locator(".alarm")).ToBeHiddenAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(held.Locator(".alert-banner")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var starts = alerts.Messages.Skip(during).Where(m => m.Topic == "npa/beds/w3-b1/alert" && m.Payload.Contains("\"event\":\"start\"", StringComparison.Ordinal)).ToList();
        Assert.Single(starts);
    }

    private static async Task ViewerAndAnonymousCannotCommandAsync(IPage page, MosquittoBroker broker, TestSubscriber commands)
    {
        string port = broker.Port.ToString(CultureInfo.InvariantCulture);
        string forged = Encoding.UTF8.GetString(MqttJson.Serialize(new BedCommandMessage { BedId = "w1-b3", Seq = 1, Time = DateTimeOffset.UtcNow, By = "viewer", Minutes = 120 }));
        var viewer = await MosquittoClients.PublishAsync("-h", "127.0.0.1", "-p", port, "-u", WardBroker.Viewer, "-P", WardBroker.Password(WardBroker.Viewer), "-t", "npa/beds/w1-b3/set/hold", "-m", forged, "-q", "1");
        var anonymous = await MosquittoClients.PublishAsync("-h", "127.0.0.1", "-p", port, "-t", "npa/beds/w1-b3/set/hold", "-m", forged, "-q", "1");
        Assert.Equal((0, 0), (viewer.ExitCode, anonymous.ExitCode)); // MQTT 3.1.1 has no refusal code: the broker drops it
        // The station's own command after them does arrive, so the two would have too, had the ACL let them through.
        var silence = page.Locator("#beds [data-bed='w1-b3']");
        await silence.Locator("input.minutes").FillAsync("2");
        await silence.Locator("button[data-action='silence']").ClickAsync();
        await Eventually.HoldsAsync(() => commands.Messages.Any(m => m.Topic == "npa/beds/w1-b3/set/silence"), "the station's silence reaches the broker", 15);
        Assert.DoesNotContain(commands.Messages, m => m.Topic.EndsWith("/set/hold", StringComparison.Ordinal) && m.Topic.Contains("w1-b3", StringComparison.Ordinal));
        await Assertions.Expect(silence.Locator(".alarm")).ToContainTextAsync("Silenced until", new() { Timeout = 15_000 });
        await Assertions.Expect(silence.Locator(".alarm")).Not.ToContainTextAsync("On hold");
    }

    private static string Config(int i, string root, string data, MosquittoBroker broker)
    {
        var beds = string.Join(",\n", Enumerable.Range(1, 4).Select(b => $$"""    { "Id": "{{Bed(i, b)}}", "Camera": { "Kind": "Simulated" }, "Seed": {{10 * i + b}} }"""));
        string password = Path.Combine(broker.Folder, Monitor(i) + ".pw");
        // Alert thresholds far below the NIPS bands, so that every bed with a face is in an episode to acknowledge or hold.
        return $$"""
            {
              "Beds": [
            {{beds}}
              ],
              "Capture": { "AssessmentRateHz": 1, "Detector": { "Kind": "BlazeFace" } },
              "Inference": { "ModelPath": "{{Path.Combine(root, "models", "demo")}}", "WatchModel": false },
              "Mqtt": { "Mode": "External", "Host": "127.0.0.1", "Port": {{broker.Port}}, "TopicPrefix": "npa",
                        "InstanceId": "{{Monitor(i)}}", "Username": "{{Monitor(i)}}", "PasswordFile": "{{password}}" },
              "Alerts": { "StartScore": 0.05, "EndScore": 0.01, "SustainSeconds": 1, "EndSustainSeconds": 5, "CooldownSeconds": 0,
                          "UpdateIntervalSeconds": 1, "NoFaceAfterSeconds": 30, "SignalLostEndSeconds": 120 },
              "Flagging": { "Enabled": false },
              "Storage": { "DataDirectory": "{{data}}" },
              "Web": { "BindAddress": "127.0.0.1", "Port": {{FreePort.Next()}} }
            }
            """;
    }
}
