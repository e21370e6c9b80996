using System.Text.Json;
using Npa.Monitor.Cli;
using Npa.Monitor.Replay;
using Npa.Monitor.Tests.Configuration;
using Npa.Monitor.Tests.Storage;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Replay;

/// <summary>
/// A two-minute script (rest, a procedure, a NIPS 6–7 episode, settling with a pacifier, a gloved hand, a dropout) through
/// <c>npa-monitor replay</c>: the shipped config, the demo model in ONNX Runtime, BlazeFace, on a virtual clock.
/// </summary>
public sealed class Replay_Tests(ITestOutputHelper output)
{
    /// <summary>
    /// Bound on the per-frame MAE: issue 10's target for the bundled model. The train-as-you-serve demo of 2026-12-01
    /// scores 0.43 here (the model it replaced scored 1.5).
    /// </summary>
    private const double MaeBound = 0.8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Two_Minute_Episode_Replays_Through_The_Real_Chain_And_Reports_Every_Figure()
    {
        using var temp = new TempFolder();
        string root = MonitorOptions_Tests.RepoRoot();
        var settings = new ReplaySettings
        {
            ConfigPath = Path.Combine(root, "configs", "monitor.json"),
            Scripts = [Path.Combine(AppContext.BaseDirectory, "Replay", "two-minute-episode.json")],
            // The sampler takes 4 frames a second; a camera at that rate renders no frame it would skip.
            CameraFps = 4,
            OutDir = temp.Path,
            Overrides = new Dictionary<string, string?>
            {
                ["Inference:ModelPath"] = Path.Combine(root, "models", "demo"),
                ["Inference:ExecutionProvider"] = "Cpu",
                ["Capture:Detector:BlazeFace:ModelPath"] = Path.Combine(root, "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx"),
            },
        };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exit = await ReplayCommand.RunAsync(settings, stdout, stderr);

        output.WriteLine(stdout.ToString());
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("per-frame MAE", stdout.ToString());
        Assert.Contains("real-time factor", stdout.ToString());
        var report = JsonSerializer.Deserialize<ReplayReport>(await File.ReadAllTextAsync(Path.Combine(temp.Path, "report.json")), Json)!;
        Assert.StartsWith("npa-demo", report.ModelId);
        Assert.Equal(1, report.Beds);
        Assert.Equal(120, report.DurationSeconds);
        Assert.InRange(report.ScoredFrames, 300, 480);
        Assert.InRange(report.Mae!.Value, 0, MaeBound);
        Assert.Equal(3, report.BandConfusion.Count);
        Assert.Equal(report.ScoredFrames, report.BandConfusion.Sum(r => r.Sum()));
        Assert.InRange(report.BandAccuracy!.Value, 0, 1);
        Assert.NotNull(report.SevereRecall);
        var episode = Assert.Single(report.SevereEpisodes);
        Assert.Equal(7, episode.PeakNips);
        Assert.Equal(45, (episode.Onset - report.Start).TotalSeconds, 1);
        Assert.True(episode.Alerted, "the scripted severe episode raised no alert");
        Assert.InRange(episode.DelaySeconds!.Value, 0, 30);
        Assert.InRange(report.NoPainBedHours, 0.018, 0.021);
        Assert.NotNull(report.FalseAlertStartsPerBedHour);
        var all = report.Occlusion[0];
        Assert.Equal("all", all.Kind);
        Assert.True(report.Occlusion.Single(o => o.Kind == "Pacifier").Frames > 0);
        Assert.True(report.Occlusion.Single(o => o.Kind == "GlovedHand").Frames > 0);
        Assert.Equal(all.Frames, report.Occlusion.Skip(1).Sum(o => o.Frames));
        Assert.Equal(0.4, report.LowConfidenceThreshold);
        Assert.Equal(1.1, report.MaxScoreSpread);
        Assert.True(report.RealTimeFactor > 0);
        Assert.Equal("timeline-bed-1.png", Assert.Single(report.PerBed).Figure);
        var frames = await File.ReadAllLinesAsync(Path.Combine(temp.Path, "frames.csv"));
        Assert.Equal(ReplayFramesCsv.Header, frames[0]);
        Assert.Equal(report.AssessedFrames, frames.Skip(1).Count(l => l.Split(',')[5] == "ready"));
        Assert.Equal(report.ScoredFrames, frames.Skip(1).Count(l => l.Split(',')[15] == "1"));
        foreach (var file in new[] { "report.md", "timeline-bed-1.png", "band-confusion.png" })
            Assert.True(new FileInfo(Path.Combine(temp.Path, file)).Length > 1000, $"{file} is missing or empty");
        Assert.Contains("## Band confusion", await File.ReadAllTextAsync(Path.Combine(temp.Path, "report.md")));
    }

    [Fact]
    public async Task Same_Script_Replayed_Twice_Gives_The_Same_Published_Messages()
    {
        string root = MonitorOptions_Tests.RepoRoot();
        using var temp = new TempFolder();
        string script = temp.File("short.json");
        await File.WriteAllTextAsync(script, """
            { "bedId": "bed-9", "seed": 3, "loop": false,
              "segments": [
                { "name": "rest", "duration": "00:00:05", "nipsFrom": 0, "nipsTo": 0 },
                { "name": "severe", "duration": "00:00:08", "nipsFrom": 6, "nipsTo": 7 },
                { "name": "rest", "duration": "00:00:05", "nipsFrom": 1, "nipsTo": 0 } ] }
            """);
        var settings = new ReplaySettings
        {
            ConfigPath = Path.Combine(root, "configs", "monitor.json"),
            Scripts = [script],
            CameraFps = 4,
            OutDir = temp.Path,
            Figures = false,
            Overrides = new Dictionary<string, string?>
            {
                ["Inference:ModelPath"] = Path.Combine(root, "models", "demo"),
                ["Inference:ExecutionProvider"] = "Cpu",
                ["Capture:Detector:BlazeFace:ModelPath"] = Path.Combine(root, "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx"),
            },
        };
        var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

        var first = await ReplayRunner.RunAsync(settings, loggers);
        var second = await ReplayRunner.RunAsync(settings, loggers);

        Assert.True(first.Assessments.Count > 40, $"only {first.Assessments.Count} assessments");
        Assert.Equal(JsonSerializer.Serialize(first.Assessments, Json), JsonSerializer.Serialize(second.Assessments, Json));
        Assert.Equal(JsonSerializer.Serialize(first.Alerts, Json), JsonSerializer.Serialize(second.Alerts, Json));
        Assert.Equal(JsonSerializer.Serialize(first.States, Json), JsonSerializer.Serialize(second.States, Json));
        Assert.Equal(first.Sampled, second.Sampled);
    }
}
