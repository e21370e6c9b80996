using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Hosting;
using Npa.Monitor.Models;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Mqtt;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Messages;
using Npa.Shared.Packaging;
using Npa.Trainer.Export;
using Npa.Trainer.Retraining;
using Npa.Trainer.Tests.Data;
using Npa.Trainer.Tests.Training;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using Xunit.Abstractions;

namespace Npa.Loop.Tests;

/// <summary>
/// The relabel loop of issue 12 end to end, in one process: a monitor with two simulated beds (BlazeFace, ONNX
/// Runtime, embedded broker, model watcher) flags frames; <c>flags export</c>; a scripted annotator labels them from
/// the simulated camera's ground truth; <c>flags import</c>; <c>retrain</c> fine-tunes the serving run; <c>models
/// gate</c> compares candidate and serving package on a held-out set; <c>models promote</c> installs the winner and the
/// running monitor's MQTT assessments carry the new id with every per-bed sequence number present.
/// The serving run is trained here on the class-coded tiny image set with the ci preset (32 px, both branches): the
/// bundled demo package names no run folder (its run is not in the repository), so it cannot be fine-tuned.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RelabelLoop_Tests(ITestOutputHelper output) : IDisposable
{
    private const string Annotator = "scripted-annotator";
    private readonly string _root = Directory.CreateTempSubdirectory("npa-loop-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string At(string relative) => Path.Combine(_root, relative);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_Shuffled_Label_Candidate_Is_Refused_And_A_Retrained_One_Is_Promoted_And_Hot_Swapped()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // 1. The serving run and its package, and a held-out set drawn like the base set (other seed, other images).
        string baseManifest = TinyImageSet.Create(At("base"), perClass: 8, seed: 7);
        string heldout = TinyImageSet.Create(At("heldout"), perClass: 6, seed: 11);
        var ci = TrainConfig.Load(RepoPaths.Config("ci.json"));
        var serving = ci with { Data = ci.Data with { Manifest = baseManifest, Noise = "none" }, Optim = ci.Optim with { Epochs = 8 } };
        new TrainingRun(serving, At("runs/serving")).Run();
        RunPackageExporter.Export(At("runs/serving"), At("packages/serving"), modelId: "loop-serving");
        string modelPath = At("data/models/npa");
        CopyFolder(At("packages/serving"), modelPath);
        string servingId = ServedId(At("packages/serving"));
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] serving run trained and packaged: {servingId}");

        // 2. The monitor: simulated beds, the serving package watched for swaps, every doubtful frame kept.
        var settings = MonitorSettings(At("data"), modelPath);
        await using var app = MonitorHost.Build(new MonitorHostSettings { Overrides = settings, EnvironmentPrefix = "NPA_TEST_UNUSED_", UseBuiltInDefaults = false });
        var truth = new ConcurrentQueue<FrameGroundTruth>();
        using var truthFeed = ((CaptureFrontEndFactory)app.Services.GetRequiredService<IBedFrontEndFactory>()).SimulatedGroundTruth.Subscribe(truth.Enqueue);
        await app.StartMonitorAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync(int.Parse(settings["Mqtt:Port"]!, CultureInfo.InvariantCulture), "npa/#");
        var store = app.Services.GetRequiredService<IFlaggedFrameStore>();
        await Eventually.TrueAsync(() => store.Count >= 16, "16 flagged frames", 120_000);
        var monitor = app.Services.GetRequiredService<MonitorService>();

        // 3. flags export, the scripted annotator, flags import, and the labelled frames exported for the trainer.
        string data = At("data");
        var export = await CliRun.MonitorAsync("flags", "export", "--data", data, "--out", At("batch-1"));
        Assert.True(export.Code == 0, export.Stderr);
        int labelled = ScriptedAnnotator.Label(At("batch-1/manifest.csv"), [.. truth], Annotator);
        var import = await CliRun.MonitorAsync("flags", "import", At("batch-1/manifest.csv"), "--data", data);
        Assert.True(import.Code == 0, import.Stderr);
        var train = await CliRun.MonitorAsync("flags", "export", "--data", data, "--out", At("labelled"), "--status", "labelled");
        Assert.True(train.Code == 0, train.Stderr);
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] {export.Stdout.Trim()}; {labelled} labelled from ground truth; {import.Stdout.Trim()}; {train.Stdout.Trim()}");
        Assert.Equal(labelled, store.List(RelabelStatus.Labelled).Count);

        // 4. The deliberately worse candidate: base and flagged labels shuffled. The gate refuses it; nothing is promoted.
        string shuffledBase = ScriptedAnnotator.Shuffled(baseManifest, "manifest-shuffled.csv", seed: 3);
        string shuffledFlags = ScriptedAnnotator.Shuffled(At("labelled/manifest.csv"), "manifest-shuffled.csv", seed: 4);
        var worse = Retrainer.Run(new RetrainOptions
        {
            BaseManifest = shuffledBase, FlagExports = [shuffledFlags], FromRun = At("runs/serving"), OutRun = At("runs/shuffled"),
            PackageOut = At("packages/shuffled"), Epochs = 3, LearningRate = ci.Optim.LearningRate, ModelId = "loop-shuffled", Seed = 2,
        });
        var refused = await CliRun.MonitorAsync("models", "gate", "--candidate", At("packages/shuffled"), "--serving", modelPath, "--data", heldout, "--out", At("gate-shuffled"));
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] shuffled candidate {worse.Candidate.ModelId}: gate exit {refused.Code}\n{refused.Stdout}");
        Assert.Equal(ModelsCommand.Refused, refused.Code);
        Assert.Contains("verdict: REFUSED", refused.Stdout, StringComparison.Ordinal);
        long seenBefore = Assessments(subscriber).Count;
        await Eventually.TrueAsync(() => Assessments(subscriber).Count > seenBefore + 10, "more assessments after the refusal", 60_000);
        Assert.All(Assessments(subscriber), a => Assert.Equal(servingId, a.ModelId));

        // 5. The real candidate: retrain on base + annotator labels, gate against the serving package, promote.
        var better = Retrainer.Run(new RetrainOptions
        {
            BaseManifest = baseManifest, FlagExports = [At("labelled")], FromRun = At("runs/serving"), OutRun = At("runs/retrain"),
            PackageOut = At("packages/candidate"), Epochs = 2, ModelId = "loop-candidate", Seed = 2,
        });
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] retrain: {better.Set.BaseRows} base + {better.Set.FlaggedRows} flagged rows, validation accuracy {better.Outcome.BestValAccuracy:P1}");
        var gate = await CliRun.MonitorAsync("models", "gate", "--candidate", At("packages/candidate"), "--serving", modelPath, "--data", heldout, "--out", At("gate-candidate"));
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] gate exit {gate.Code}\n{gate.Stdout}");
        Assert.True(gate.Code == 0, gate.Stdout + gate.Stderr);
        Assert.True(File.Exists(At("gate-candidate/gate-report.md")));
        var promote = await CliRun.MonitorAsync("models", "--model", modelPath, "promote", At("packages/candidate"), "--by", Annotator);
        Assert.True(promote.Code == 0, promote.Stderr);
        string candidateId = ServedId(At("packages/candidate"));
        await Eventually.TrueAsync(() => new[] { "bed-1", "bed-2" }.All(bed => Assessments(subscriber).Count(a => a.BedId == bed && a.ModelId == candidateId) >= 5),
            "five assessments of each bed from the promoted model", 60_000);
        Assert.True(monitor.IsRunning);
        await app.StopAsync();
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0} s] promoted {candidateId}; monitor stopped");

        // 6. No restart and no lost assessment: per bed, sequence numbers 1..N without a gap, the old id then the new one.
        foreach (string bed in new[] { "bed-1", "bed-2" })
        {
            var seen = Assessments(subscriber).Where(a => a.BedId == bed).OrderBy(a => a.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(a => a.Seq));
            int firstNew = seen.FindIndex(a => a.ModelId == candidateId);
            Assert.True(firstNew > 0, $"{bed}: no assessment of the serving model before the swap");
            Assert.All(seen.Take(firstNew), a => Assert.Equal(servingId, a.ModelId));
            Assert.All(seen.Skip(firstNew), a => Assert.Equal(candidateId, a.ModelId));
            output.WriteLine($"{bed}: {seen.Count} assessments, seq 1..{seen.Count}; {firstNew} by {servingId}, {seen.Count - firstNew} by {candidateId}");
        }
        Assert.DoesNotContain(subscriber.PayloadsOn("npa/available").SkipLast(1), p => p is "offline" or "stopped");
    }

    private static List<AssessmentMessage> Assessments(TestSubscriber subscriber) =>
        [.. subscriber.Messages.Where(m => m.Topic.EndsWith("/assessment", StringComparison.Ordinal))
            .Select(m => MqttJson.Deserialize<AssessmentMessage>(Encoding.UTF8.GetBytes(m.Payload)))];

    private static string ServedId(string package)
    {
        var manifest = ModelManifestJson.Read(Path.Combine(package, ModelPackageFiles.Manifest));
        return $"{manifest.ModelId}@{manifest.OnnxSha256[..8]}";
    }

    private static Dictionary<string, string?> MonitorSettings(string data, string modelPath)
    {
        string blazeFace = Path.Combine(RepoPaths.Root, "assets", "blazeface", "face_detection_front_128x128_barracuda.onnx");
        var s = new Dictionary<string, string?>
        {
            ["Web:Port"] = "0",
            ["Mqtt:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Mqtt:OutboxPath"] = Path.Combine(data, "outbox.db"),
            ["Storage:DataDirectory"] = data,
            ["Inference:ModelPath"] = modelPath,
            ["Inference:WatchModel"] = "true",
            ["Inference:Threads"] = "1",
            ["Capture:Detector:BlazeFace:ModelPath"] = blazeFace,
            // Keep (nearly) every frame: this run is about the loop, not about which frames are doubtful.
            ["Flagging:LowConfidenceThreshold"] = "0.999",
            ["Flagging:MaxPerBedPerMinute"] = "120",
        };
        for (int i = 0; i < 2; i++)
        {
            s[$"Beds:{i}:Id"] = $"bed-{i + 1}";
            s[$"Beds:{i}:Camera:Kind"] = "Simulated";
            s[$"Beds:{i}:Seed"] = (i + 1).ToString(CultureInfo.InvariantCulture);
        }
        return s;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
