using Microsoft.Extensions.DependencyInjection;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Hosting;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Hosting;

public class MonitorService_Tests
{
    [Fact]
    public async Task Scores_Flow_Per_Bed_To_Smoothed_State_With_The_Model_Id()
    {
        await using var monitor = await TestMonitor.StartAsync();
        var bed1 = monitor.Beds["bed-1"];
        var bed2 = monitor.Beds["bed-2"];

        await Eventually.TrueAsync(() =>
        {
            bed1.Push(6);
            bed2.Push(1);
            var beds = monitor.Service.Beds;
            return beds.Single(b => b.BedId == "bed-1").Category == NipsCategory.Severe
                && beds.Single(b => b.BedId == "bed-2").Category == NipsCategory.NoPain;
        }, "bed-1 severe and bed-2 no pain");

        var s1 = monitor.Service.Beds.Single(b => b.BedId == "bed-1");
        Assert.Equal("test-model-1", s1.ModelId);
        Assert.Equal(CameraStatus.Online, s1.Camera);
        Assert.Equal(FaceState.Visible, s1.Face);
    }

    [Fact]
    public async Task Failing_Camera_Is_Reopened_And_Other_Beds_Keep_Running()
    {
        await using var monitor = await TestMonitor.StartAsync(s => s["Beds:1:Camera:Reconnect:Initial"] = "00:00:00.050");
        var bed1 = monitor.Beds["bed-1"];
        var bed2 = monitor.Beds["bed-2"];
        await Eventually.TrueAsync(() => { bed2.Push(2); return monitor.Service.Beds[1].AssessedCount > 0; }, "bed-2 assessed");

        bed2.Fail("connection refused by 10.0.0.9:554");
        await Eventually.TrueAsync(() => monitor.Service.Beds[1].Camera == CameraStatus.Offline, "bed-2 offline");
        Assert.Equal("connection refused by 10.0.0.9:554", monitor.Service.Beds[1].CameraDetail);
        long before = monitor.Service.Beds[0].AssessedCount;
        await Eventually.TrueAsync(() => { bed1.Push(3); return monitor.Service.Beds[0].AssessedCount > before + 3; }, "bed-1 still assessed");

        await Eventually.TrueAsync(() => bed2.Subscriptions >= 2, "bed-2 camera reopened");
        await Eventually.TrueAsync(() => { bed2.Push(2); return monitor.Service.Beds[1].Camera == CameraStatus.Online; }, "bed-2 back online");
    }

    [Fact]
    public async Task Camera_That_Cannot_Open_Shows_Offline_With_Reason_And_Others_Run()
    {
        await using var monitor = await TestMonitor.StartAsync(beds: f => f.Broken["bed-2"] = "Beds:1:Camera: rtsp://127.0.0.1:9/none does not answer");
        var bed1 = monitor.Beds["bed-1"];

        await Eventually.TrueAsync(() => { bed1.Push(4); return monitor.Service.Beds[0].AssessedCount > 2; }, "bed-1 assessed");

        var bed2 = monitor.Service.Beds[1];
        Assert.Equal(CameraStatus.Offline, bed2.Camera);
        Assert.Equal("Beds:1:Camera: rtsp://127.0.0.1:9/none does not answer", bed2.CameraDetail);
    }

    [Fact]
    public async Task Missing_Model_Stops_Start_With_The_Path_And_Reason()
    {
        string data = Directory.CreateTempSubdirectory("npa-monitor-test-").FullName;
        try
        {
            var settings = TestMonitor.Settings(data, "bed-1");
            var engines = new FakeEngineFactory().ThenFail("model.json not found in the package folder");
            var app = MonitorHost.Build(new MonitorHostSettings
            {
                Overrides = settings,
                EnvironmentPrefix = "NPA_TEST_UNUSED_",
                UseBuiltInDefaults = false,
                ConfigureServices = s =>
                {
                    s.AddSingleton<IInferenceEngineFactory>(engines);
                    s.AddSingleton<IBedFrontEndFactory>(new ScriptedFrontEndFactory(new FakeEngine("x")));
                },
            });
            await using var _ = app;

            var ex = await Assert.ThrowsAsync<MonitorStartupException>(() => app.StartMonitorAsync());

            Assert.Contains("Inference:ModelPath: cannot load the model package", ex.Message);
            Assert.Contains(Path.Combine(data, "models", "demo"), ex.Message);
            Assert.Contains("model.json not found in the package folder", ex.Message);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
