using Microsoft.AspNetCore.Builder;
using Npa.Capture.Frames;
using Npa.Monitor.Hosting;
using Npa.Monitor.Tests.Configuration;
using Npa.Monitor.Tests.Inference;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Hosting;

/// <summary>The monitor with its production parts: ONNX engine (tiny fixture package), simulated camera, BlazeFace, OpenCV sources.</summary>
public class RealComponents_Tests
{
    private static Dictionary<string, string?> Settings(string data, string modelPath)
    {
        var s = TestMonitor.Settings(data, "bed-1");
        s["Inference:ModelPath"] = modelPath;
        s["Inference:ExecutionProvider"] = "Cpu";
        s["Capture:Detector:BlazeFace:ModelPath"] = Path.Combine(MonitorOptions_Tests.RepoRoot(), "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx");
        return s;
    }

    private static WebApplication Build(Dictionary<string, string?> settings) =>
        MonitorHost.Build(new MonitorHostSettings { Overrides = settings, EnvironmentPrefix = "NPA_TEST_UNUSED_", UseBuiltInDefaults = false });

    [Fact]
    public async Task Corrupt_Model_File_Stops_Start_With_A_Clear_Message()
    {
        string data = Directory.CreateTempSubdirectory("npa-monitor-test-").FullName;
        try
        {
            string package = FixturePackage.CopyTo(Path.Combine(data, "models", "broken"));
            await File.WriteAllBytesAsync(Path.Combine(package, "model.onnx"), [1, 2, 3, 4, 5, 6, 7, 8]);
            await using var app = Build(Settings(data, package));

            var ex = await Assert.ThrowsAsync<MonitorStartupException>(() => app.StartMonitorAsync());

            Assert.StartsWith($"Inference:ModelPath: cannot load the model package '{package}': ", ex.Message);
            Assert.Contains("sha256", ex.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Camera_Url_That_Does_Not_Answer_Is_Reported_And_The_Simulated_Bed_Keeps_Running()
    {
        string data = Directory.CreateTempSubdirectory("npa-monitor-test-").FullName;
        try
        {
            var settings = Settings(data, FixturePackage.Folder);
            settings["Beds:1:Id"] = "bed-2";
            settings["Beds:1:Camera:Kind"] = "Stream";
            settings["Beds:1:Camera:Target"] = "rtsp://127.0.0.1:9/none";
            await using var app = Build(settings);
            await app.StartMonitorAsync();
            var monitor = (MonitorService)app.Services.GetService(typeof(MonitorService))!;

            await Eventually.TrueAsync(() => monitor.Beds[0].AssessedCount > 2, "the simulated bed assessed by the real engine", 30_000);
            await Eventually.TrueAsync(() => monitor.Beds[1].CameraDetail is not null, "the silent camera reported", 30_000);

            Assert.StartsWith("tiny-pair-fixture@", monitor.Beds[0].ModelId);
            Assert.Equal(CameraStatus.Online, monitor.Beds[0].Camera);
            Assert.Equal(CameraStatus.Offline, monitor.Beds[1].Camera);
            Assert.Equal("no frames from camera Stream rtsp://127.0.0.1:9/none for 15 s; still trying", monitor.Beds[1].CameraDetail);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Hot_Swap_Serves_A_New_Valid_Package_And_Refuses_A_Corrupt_One()
    {
        string data = Directory.CreateTempSubdirectory("npa-monitor-test-").FullName;
        try
        {
            string package = FixturePackage.CopyTo(Path.Combine(data, "models", "demo"));
            var settings = Settings(data, package);
            settings["Inference:WatchModel"] = "true";
            settings["Inference:SwapDebounceMs"] = "200";
            await using var app = Build(settings);
            await app.StartMonitorAsync();
            var monitor = (MonitorService)app.Services.GetService(typeof(MonitorService))!;
            var reloads = new System.Collections.Concurrent.ConcurrentQueue<Npa.Monitor.ModelSwap.ModelReload>();
            using var _ = monitor.ModelReloads!.Subscribe(reloads.Enqueue);
            await Eventually.TrueAsync(() => monitor.Beds[0].AssessedCount > 0, "a first assessment", 30_000);
            string first = monitor.Beds[0].ModelId!;

            // A retrained package: same graph, new manifest id (written whole, then renamed in, as an exporter would).
            string manifest = await File.ReadAllTextAsync(Path.Combine(package, "model.json"));
            await File.WriteAllTextAsync(Path.Combine(data, "model.json.tmp"), manifest.Replace("\"tiny-pair-fixture\"", "\"tiny-pair-v2\"", StringComparison.Ordinal));
            File.Move(Path.Combine(data, "model.json.tmp"), Path.Combine(package, "model.json"), overwrite: true);

            await Eventually.TrueAsync(() => monitor.Beds[0].ModelId?.StartsWith("tiny-pair-v2@", StringComparison.Ordinal) == true, "assessments from the new model", 30_000);
            Assert.StartsWith("tiny-pair-fixture@", first);

            await File.WriteAllBytesAsync(Path.Combine(package, "model.onnx"), [9, 9, 9, 9]);
            await Eventually.TrueAsync(() => reloads.Any(r => !r.Accepted), "the corrupt package refused", 30_000);
            var refused = reloads.Last(r => !r.Accepted);
            Assert.Contains("refused", refused.Message);
            Assert.Contains("still serving tiny-pair-v2@", refused.Message);
            long count = monitor.Beds[0].AssessedCount;
            await Eventually.TrueAsync(() => monitor.Beds[0].AssessedCount > count + 2, "assessments continuing after the refusal", 30_000);
            Assert.StartsWith("tiny-pair-v2@", monitor.Beds[0].ModelId);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
