using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Capture.Sources;
using Npa.Monitor.Cli;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;

namespace Npa.Monitor.Tests.Cli;

public class RunCommand_Tests
{
    private static async Task<(int Code, string Error)> RunAsync(string json)
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("npa-run-").FullName, "monitor.json");
        await File.WriteAllTextAsync(file, json);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RunCommand.RunAsync(file, stdout, stderr);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        return (code, stderr.ToString());
    }

    [Fact]
    public async Task Bad_Config_Exits_2_Listing_Every_Key_And_Reason()
    {
        var (code, error) = await RunAsync("""
            {
              "Beds": [ { "Id": "bed-1", "Camera": { "Kind": "Simulated" } } ],
              "Alerts": { "StartScore": 2, "EndScore": 3, "SustainSecs": 1 },
              "Web": { "Port": 70000 }
            }
            """);

        Assert.Equal(2, code);
        Assert.StartsWith("npa-monitor: cannot start:", error);
        Assert.Contains("Alerts:SustainSecs: is not a known setting", error);
        Assert.Contains("Web:Port: 70000 is out of range; allowed 0–65535", error);
    }

    [Fact]
    public async Task Config_That_Is_Not_Json_Names_The_File()
    {
        var (code, error) = await RunAsync("{ \"Beds\": [ ");

        Assert.Equal(2, code);
        Assert.Contains("monitor.json' is not valid JSON", error);
    }

    [Fact]
    public async Task Missing_Config_File_Names_It()
    {
        var stderr = new StringWriter();

        int code = await RunCommand.RunAsync("/nonexistent/monitor.json", new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains("--config: the file '/nonexistent/monitor.json' does not exist", stderr.ToString());
    }

    [Fact]
    public async Task Without_A_Config_File_The_Built_In_Defaults_Give_Two_Simulated_Beds_On_Loopback()
    {
        await using var app = MonitorHost.Build(new MonitorHostSettings { EnvironmentPrefix = "NPA_TEST_UNUSED_" });

        var beds = app.Services.GetRequiredService<IOptions<BedsOptions>>().Value;
        Assert.Equal(["bed-1", "bed-2"], beds.Select(b => b.Id));
        Assert.All(beds, b => Assert.Equal(CameraKind.Simulated, b.Camera.Kind));
        Assert.Equal("127.0.0.1", app.Services.GetRequiredService<IOptions<WebOptions>>().Value.BindAddress);
        Assert.Equal("models/demo", app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.ModelPath);
    }
}
