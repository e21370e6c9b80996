using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Hosting;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Configuration;
using Npa.Monitor.Tests.Mqtt;
using Npa.Monitor.Tests.Support;
using Eventually = Npa.Monitor.Tests.Support.Eventually;
using Npa.Shared.Messages;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Integration;

/// <summary>
/// Everything real: Debian mosquitto on a loopback port, two simulated beds with a scripted pain episode, BlazeFace,
/// the demo model package (models/demo) in ONNX Runtime, the monitor publishing to the external broker.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class EndToEnd_Mosquitto_Tests(ITestOutputHelper output)
{
    /// <summary>
    /// Stated bound: an alert starts within this long of the ground-truth onset (NIPS ≥ 4). Measured 9–12 s on
    /// 2 shared cores: the demo model's score rises over a few frames, the EMA (half-life 2 s) crosses 2.5, then the
    /// 3 s sustain.
    /// </summary>
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Stated bound: an alert ends within this long of the ground-truth relief (NIPS ≤ 2). Measured 11–20 s: the EMA
    /// must stay below 2.0 for the 5 s end sustain, and the demo model's noisy scores at rest (about 1.1–1.5) restart it.
    /// </summary>
    private static readonly TimeSpan EndWithin = TimeSpan.FromSeconds(30);

    // Rest, a 12 s pain episode, a quick recovery, rest; looping so the camera never ends during the test.
    private const string Script = """
        {
          "bedId": "x", "seed": 1, "loop": true,
          "segments": [
            { "name": "rest", "duration": "00:00:08", "nipsFrom": 0, "nipsTo": 1 },
            { "name": "peak pain", "duration": "00:00:12", "nipsFrom": 6, "nipsTo": 7 },
            { "name": "recovery", "duration": "00:00:03", "nipsFrom": 3, "nipsTo": 0 },
            { "name": "rest", "duration": "00:00:30", "nipsFrom": 0, "nipsTo": 1 }
          ]
        }
        """;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Assessments_And_An_Alert_Start_And_End_Reach_A_Real_Mosquitto_Subscriber_Per_Bed()
    {
        string root = MonitorOptions_Tests.RepoRoot();
        string model = Path.Combine(root, "models", "demo");
        Assert.True(File.Exists(Path.Combine(model, "model.json")), $"the demo model package is missing at {model}");
        string data = Directory.CreateTempSubdirectory("npa-e2e-").FullName;
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        try
        {
            string script = Path.Combine(data, "episode.json");
            await File.WriteAllTextAsync(script, Script);
            var settings = TestMonitor.Settings(data, "bed-1", "bed-2");
            settings["Inference:ModelPath"] = model;
            settings["Capture:Detector:BlazeFace:ModelPath"] = Path.Combine(root, "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx");
            settings["Mqtt:Mode"] = "External";
            settings["Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Thresholds below configs/monitor.json's band edges (3 / 2): the 2026-12 demo model underestimates peaks (about 3.3
            // on NIPS 6–7), so this timing test keeps the old 2.5 / 2 until a stronger model replaces models/demo.
            settings["Alerts:EmaHalfLifeSeconds"] = "2";
            settings["Alerts:StartScore"] = "2.5";
            settings["Alerts:EndScore"] = "2";
            settings["Alerts:SustainSeconds"] = "3";
            settings["Alerts:EndSustainSeconds"] = "5";
            for (int i = 0; i < 2; i++)
            {
                settings[$"Beds:{i}:Script"] = script;
                settings[$"Beds:{i}:Seed"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await using var app = MonitorHost.Build(new MonitorHostSettings { Overrides = settings, EnvironmentPrefix = "NPA_TEST_UNUSED_", UseBuiltInDefaults = false });
            var truth = new ConcurrentQueue<FrameGroundTruth>();
            using var _ = ((CaptureFrontEndFactory)app.Services.GetRequiredService<IBedFrontEndFactory>()).SimulatedGroundTruth.Subscribe(truth.Enqueue);
            await app.StartMonitorAsync();

            await Eventually.TrueAsync(() => Ends(subscriber).Select(a => a.BedId).Distinct().Count() == 2, "an alert end on both beds", 60_000);
            await app.StopAsync();

            foreach (var bed in new[] { "bed-1", "bed-2" })
            {
                var assessments = subscriber.PayloadsOn($"npa/beds/{bed}/assessment").Select(p => MqttJson.Deserialize<AssessmentMessage>(Encoding.UTF8.GetBytes(p))).ToList();
                Assert.True(assessments.Count > 20, $"{bed}: only {assessments.Count} assessments");
                Assert.All(assessments, a => Assert.Equal(AssessmentMessage.SchemaName, a.Schema));
                var frames = truth.Where(t => t.BedId == bed).OrderBy(t => t.Timestamp).ToList();
                var onset = frames.First(t => t.Nips >= 4).Timestamp;
                var relief = frames.First(t => t.Timestamp > onset && t.Nips <= 2).Timestamp;
                var alerts = subscriber.PayloadsOn($"npa/beds/{bed}/alert").Select(p => MqttJson.Deserialize<AlertEventMessage>(Encoding.UTF8.GetBytes(p))).ToList();
                var start = alerts.First(a => a.Event == AlertEventKind.Start);
                var end = alerts.First(a => a.Event == AlertEventKind.End && a.EpisodeId == start.EpisodeId);
                output.WriteLine($"{bed}: {assessments.Count} assessments; onset {onset:HH:mm:ss.f}, alert start {start.Time:HH:mm:ss.f} (+{(start.Time - onset).TotalSeconds:0.0} s); relief {relief:HH:mm:ss.f}, alert end {end.Time:HH:mm:ss.f} (+{(end.Time - relief).TotalSeconds:0.0} s); peak {end.PeakScore:0.0} {end.Category}");
                Assert.InRange(start.Time - onset, TimeSpan.Zero, StartWithin);
                Assert.InRange(end.Time - relief, TimeSpan.Zero, EndWithin);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static IEnumerable<AlertEventMessage> Ends(TestSubscriber subscriber) =>
        subscriber.Messages.Where(m => m.Topic.EndsWith("/alert", StringComparison.Ordinal))
            .Select(m => MqttJson.Deserialize<AlertEventMessage>(Encoding.UTF8.GetBytes(m.Payload)))
            .Where(a => a.Event == AlertEventKind.End);
}
