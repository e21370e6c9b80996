using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Tests.Configuration;
using Npa.Monitor.Tests.Mqtt;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Soak;

/// <summary>
/// The fault and soak suite (<c>./npa test-soak</c>): the built monitor as a child process with 8 simulated beds and a
/// real mosquitto, for <c>NPA_SOAK_SECONDS</c> (default 3600). Along the way: the broker killed and restarted three
/// times, the monitor killed with SIGKILL twice, the data folder (a tmpfs) filled up, a corrupt model dropped into the
/// watched model folder. Writes artifacts/soak/report.md with each figure.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SoakFault_Tests(ITestOutputHelper output)
{
    private const int Beds = 8;
    private const long RssGrowthLimitBytes = 50L << 20;

    [Fact]
    [Trait("Category", "Soak")]
    public async Task Eight_Beds_Survive_Broker_Kills_Monitor_Kills_A_Full_Disk_And_A_Corrupt_Model()
    {
        double seconds = double.Parse(Environment.GetEnvironmentVariable("NPA_SOAK_SECONDS") ?? "3600", CultureInfo.InvariantCulture);
        string root = MonitorOptions_Tests.RepoRoot();
        string dll = Path.Combine(root, "src", "Npa.Monitor", "bin", "Release", "net10.0", "linux-x64", "npa-monitor.dll");
        Assert.True(File.Exists(dll), $"build the monitor first (dotnet build src/Npa.Monitor -c Release): {dll} is missing");
        string artifacts = Path.Combine(root, "artifacts", "soak");
        Directory.CreateDirectory(artifacts);
        string work = Directory.CreateTempSubdirectory("npa-soak-").FullName;
        string data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        string diskFull = MountTmpfs(data, megabytes: 48);
        try
        {
            await RunAsync(root, dll, artifacts, work, data, diskFull, seconds);
        }
        finally
        {
            UnmountTmpfs(data, diskFull);
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task RunAsync(string root, string dll, string artifacts, string work, string data, string diskFull, double seconds)
    {
        string model = Path.Combine(work, "model");
        Directory.CreateDirectory(model);
        foreach (string f in Directory.GetFiles(Path.Combine(root, "models", "demo"))) File.Copy(f, Path.Combine(model, Path.GetFileName(f)));

        await using var broker = await MosquittoBroker.StartAsync();
        string config = Path.Combine(work, "monitor.json");
        await File.WriteAllTextAsync(config, Config(data, model, broker.Port, FreePort.Next()));
        string log = Path.Combine(artifacts, "monitor.log");
        File.Delete(log);
        await using var capture = new SoakCapture(broker.Port);
        capture.Start();
        using var monitor = new SoakMonitorProcess(dll, config, root, log);
        var rss = new List<(double At, long Bytes)>();
        var events = new List<string>();
        var clock = Stopwatch.StartNew();
        double lastStart = 0;
        void Note(string what)
        {
            events.Add($"{clock.Elapsed.TotalSeconds:F0} s: {what}");
            monitor.Log("--- soak: " + what);
            output.WriteLine(events[^1]);
        }

        monitor.Start();
        var faults = new (double At, string Name, Func<Task> Run)[]
        {
            (0.10, "broker killed (1)", () => BrokerOutageAsync(broker)),
            (0.18, "monitor kill -9 (1)", async () => { await monitor.KillAsync(); monitor.Start(); lastStart = clock.Elapsed.TotalSeconds; }),
            (0.28, "data folder full", () => DiskFullAsync(data, diskFull, Note)),
            (0.36, "broker killed (2)", () => BrokerOutageAsync(broker)),
            (0.44, "monitor kill -9 (2)", async () => { await monitor.KillAsync(); monitor.Start(); lastStart = clock.Elapsed.TotalSeconds; }),
            (0.52, "broker killed (3)", () => BrokerOutageAsync(broker)),
            (0.58, "corrupt model dropped in", () => DropCorruptModelAsync(model)),
        };
        int next = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            if (next < faults.Length && clock.Elapsed.TotalSeconds >= faults[next].At * seconds)
            {
                Note(faults[next].Name);
                await faults[next].Run();
                next++;
            }
            if (monitor.RssBytes() is { } bytes) rss.Add((clock.Elapsed.TotalSeconds, bytes));
            Assert.True(monitor.IsRunning, $"the monitor exited on its own at {clock.Elapsed.TotalSeconds:F0} s; see {log}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var end = DateTimeOffset.UtcNow;
        var scoringBeds = capture.Messages.Where(m => m.Topic.EndsWith("/assessment", StringComparison.Ordinal) && m.Arrived > end.AddSeconds(-30))
            .Select(m => m.Topic).Distinct().Count();
        int exit = await monitor.StopAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2)); // the shutdown's episode ends reach the capture
        SqliteConnection.ClearAllPools();
        var stores = SoakAnalysis.Stores(Path.Combine(data, "flagged"), Path.Combine(data, "mqtt-outbox.db"));
        var messages = capture.Messages;
        var seq = SoakAnalysis.Seq(messages);
        var episodes = SoakAnalysis.Episodes(messages, stores.OpenEpisodeIds);
        // Growth after warm-up over the last stretch without a restart: from 25 % into it to its end (medians of 5 samples).
        var stretch = rss.Where(s => s.At >= lastStart).ToList();
        var warm = stretch.Where(s => s.At >= lastStart + (seconds - lastStart) * 0.25).ToList();
        long growth = warm.Count >= 10 ? Median(warm.TakeLast(5)) - Median(warm.Take(5)) : 0;
        string modelRefused = File.ReadLines(log).FirstOrDefault(l => l.Contains("refused", StringComparison.Ordinal) && l.Contains("model package", StringComparison.Ordinal)) ?? "(not logged)";

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Soak and fault run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Beds} simulated beds, {seconds:F0} s (NPA_SOAK_SECONDS), real mosquitto (External MQTT), monitor as a child process.")
            .AppendLine()
            .AppendLine("| Figure | Value | Required |")
            .AppendLine("|---|---|---|")
            .AppendLine(Row("Monitor starts (1 + kill -9 restarts)", monitor.Starts, "3"))
            .AppendLine(Row("Broker kills and restarts", 3, "3"))
            .AppendLine(Row("Data folder full", diskFull.Length == 0 ? "done (tmpfs 48 MB filled for 15 s)" : $"skipped: {diskFull}", "done"))
            .AppendLine(Row("Corrupt model", modelRefused.Trim(), "refused, old model kept"))
            .AppendLine(Row("RSS samples", rss.Count, ""))
            .AppendLine(Row("RSS at end (MB)", rss.Count > 0 ? (rss[^1].Bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "-", ""))
            .AppendLine(Row("RSS growth after warm-up, last run (MB)", (growth / 1048576.0).ToString("F1", CultureInfo.InvariantCulture), "< 50"))
            .AppendLine(Row("Live Mats at end", "not measured: the monitor exposes no Mat counter (PipelineMemory_Tests counts them in process)", "0"))
            .AppendLine(Row("Messages captured", messages.Count, ""))
            .AppendLine(Row("Numbered topics (alert/state/status per bed)", seq.Topics, ""))
            .AppendLine(Row("seq resets", seq.Resets, "0"))
            .AppendLine(Row("seq missing (gaps)", seq.Missing, "0"))
            .AppendLine(Row("seq repeats (at least once)", seq.Duplicates, "any"))
            .AppendLine(Row("Episodes started", episodes.Started, ""))
            .AppendLine(Row("… ended (of those)", episodes.Ended, ""))
            .AppendLine(Row("… ended with reason monitor_restart", episodes.EndedByRestart, ""))
            .AppendLine(Row("… still open in the store", episodes.OpenInStore, ""))
            .AppendLine(Row("… neither ended nor open in the store", episodes.Unaccounted, "0"))
            .AppendLine(Row("flags.db PRAGMA integrity_check", stores.FlagsIntegrity, "ok"))
            .AppendLine(Row("mqtt-outbox.db PRAGMA integrity_check", stores.OutboxIntegrity, "ok"))
            .AppendLine(Row("Flagged rows / rows without crop / crops without row", $"{stores.FlaggedRows} / {stores.RowsWithoutCrop} / {stores.CropsWithoutRow}", "any / 0 / 0"))
            .AppendLine(Row("Beds scoring in the last 30 s", scoringBeds, Beds.ToString(CultureInfo.InvariantCulture)))
            .AppendLine(Row("Exit code after SIGTERM", exit, "0"))
            .AppendLine()
            .AppendLine("Timeline:")
            .AppendLine()
            .AppendJoin(Environment.NewLine, events.Select(e => "- " + e)).AppendLine()
            .AppendLine()
            .AppendLine(seq.Worst.Length > 0 ? $"First seq problem: {seq.Worst}" : "No seq problem.")
            .AppendLine(episodes.Unaccounted > 0 ? $"Unaccounted episodes: {episodes.Unaccounted_Ids}" : "");
        await File.WriteAllTextAsync(Path.Combine(artifacts, "report.md"), report.ToString());
        output.WriteLine(report.ToString());

        Assert.Equal(3, monitor.Starts);
        Assert.Equal(0, seq.Resets);
        Assert.Equal(0, seq.Missing);
        Assert.Equal(0, episodes.Unaccounted);
        Assert.Equal("ok", stores.FlagsIntegrity);
        Assert.Equal("ok", stores.OutboxIntegrity);
        Assert.Equal((0, 0), (stores.RowsWithoutCrop, stores.CropsWithoutRow));
        Assert.Equal(Beds, scoringBeds);
        Assert.InRange(growth, long.MinValue, RssGrowthLimitBytes);
        Assert.Equal(0, exit);
    }

    private static string Row(string name, object value, string required) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {value.ToString()!.Replace("|", "\\|", StringComparison.Ordinal)} | {required} |");

    private static long Median(IEnumerable<(double At, long Bytes)> samples)
    {
        var sorted = samples.Select(s => s.Bytes).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task BrokerOutageAsync(MosquittoBroker broker)
    {
        await broker.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        await broker.RestartAsync();
    }

    private static async Task DiskFullAsync(string data, string skipReason, Action<string> note)
    {
        if (skipReason.Length > 0)
        {
            note($"disk full skipped: {skipReason}");
            return;
        }
        string filler = Path.Combine(data, "filler.bin");
        var chunk = new byte[1 << 20];
        try
        {
            await using var stream = new FileStream(filler, FileMode.Create);
            while (true) await stream.WriteAsync(chunk);
        }
        catch (IOException)
        {
            // ENOSPC: the folder is full, which is the point.
        }
        note($"data folder full ({new FileInfo(filler).Length >> 20} MB filler); holding 15 s");
        await Task.Delay(TimeSpan.FromSeconds(15));
        File.Delete(filler);
        note("data folder has room again");
    }

    private static async Task DropCorruptModelAsync(string model)
    {
        string onnx = Path.Combine(model, "model.onnx");
        string temp = onnx + ".soak";
        var bytes = await File.ReadAllBytesAsync(onnx);
        for (int i = 100; i < bytes.Length; i += 997) bytes[i] ^= 0xFF;
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, onnx, overwrite: true);
    }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> on <paramref name="folder"/>; returns "" or why it could not.</summary>
    private static string MountTmpfs(string folder, int megabytes)
    {
        var (code, text) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", folder);
        return code == 0 ? "" : $"mount -t tmpfs failed ({code}): {text.Trim()}";
    }

    private static void UnmountTmpfs(string folder, string skipReason)
    {
        if (skipReason.Length == 0) Run("umount", folder);
    }

    private static (int Code, string Text) Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string text = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, text);
    }

    private static string Config(string data, string model, int mqttPort, int webPort)
    {
        var beds = string.Join(",\n", Enumerable.Range(1, Beds).Select(i => $$"""    { "Id": "bed-{{i}}", "Camera": { "Kind": "Simulated" }, "Seed": {{i}} }"""));
        return $$"""
            {
              "Beds": [
            {{beds}}
              ],
              "Capture": { "AssessmentRateHz": 2, "Detector": { "Kind": "BlazeFace" } },
              "Inference": { "ModelPath": "{{model}}", "WatchModel": true },
              "Mqtt": { "Mode": "External", "Host": "127.0.0.1", "Port": {{mqttPort}}, "TopicPrefix": "npa" },
              "Flagging": { "Enabled": true, "MaxPerBedPerMinute": 60 },
              "Storage": { "DataDirectory": "{{data}}" },
              "Web": { "BindAddress": "127.0.0.1", "Port": {{webPort}} }
            }
            """;
    }
}
