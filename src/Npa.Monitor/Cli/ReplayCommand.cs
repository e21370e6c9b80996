using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Hosting;
using Npa.Monitor.Replay;

namespace Npa.Monitor.Cli;

/// <summary><c>npa-monitor replay</c>: the bedside in virtual time, scored against the scripts.</summary>
public static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = $"Config file: beds, alerts, model, as for run (default: {MonitorHost.DefaultConfigPath} when present, else built-in)." };
        var script = new Option<string[]>("--script") { Description = "Bed script (BedScriptJson); repeat for more beds. Replaces the config's beds.", AllowMultipleArgumentsPerToken = false };
        var hours = new Option<double?>("--random-hours") { Description = "Generate clinical-like timelines of this many hours (rest, procedures, severe episodes, care events, every occluder, dropouts)." };
        var beds = new Option<int>("--beds") { Description = "Beds to generate with --random-hours.", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated timelines.", DefaultValueFactory = _ => 1 };
        var minutes = new Option<double?>("--minutes") { Description = "How long to replay looping scripts (the default beds loop; default 5). Finite scripts run to their end." };
        var fps = new Option<double?>("--camera-fps") { Description = "Frame rate of the simulated cameras (default: each bed's assessment rate, so that no frame is rendered that the sampler would skip; the live monitor's cameras run at 10)" };
        var outDir = new Option<string>("--out") { Description = "Folder for report.md, report.json and the PNGs.", DefaultValueFactory = _ => "artifacts/replay" };
        var command = new Command("replay", "Replay beds through the monitor's own chain on a virtual clock, as fast as the CPU allows, and score what it published against the scripts.")
        {
            config, script, hours, beds, seed, minutes, fps, outDir,
        };
        command.SetAction((result, ct) => RunAsync(new ReplaySettings
        {
            ConfigPath = result.GetValue(config),
            Scripts = result.GetValue(script) ?? [],
            RandomHours = result.GetValue(hours),
            RandomBeds = result.GetValue(beds),
            Seed = result.GetValue(seed),
            Minutes = result.GetValue(minutes),
            CameraFps = result.GetValue(fps),
            OutDir = result.GetValue(outDir)!,
        }, Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Runs the replay, writes the report and prints its figures; 2 on a configuration or input error.</summary>
    public static async Task<int> RunAsync(ReplaySettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            foreach (var p in problems) await stderr.WriteLineAsync($"npa-monitor replay: {p}").ConfigureAwait(false);
            return 2;
        }
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        ReplayRecording recording;
        try
        {
            int lastPercent = -10;
            recording = await ReplayRunner.RunAsync(settings, loggers, (done, total) =>
            {
                int percent = (int)(100 * done / total);
                if (percent < lastPercent + 10 && done < total) return;
                lastPercent = percent;
                stderr.WriteLine($"npa-monitor replay: {done:hh\\:mm\\:ss} of {total:hh\\:mm\\:ss} replayed");
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } lines)
        {
            await stderr.WriteLineAsync("npa-monitor replay: cannot start:").ConfigureAwait(false);
            foreach (var line in lines) await stderr.WriteLineAsync("  " + line).ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException)
        {
            await stderr.WriteLineAsync($"npa-monitor replay: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        var report = ReplayReportWriter.Write(recording, ReplayScoring.Score(recording), settings.OutDir, settings.Figures);
        await stdout.WriteLineAsync(ReplayReportWriter.Summary(report)).ConfigureAwait(false);
        await stdout.WriteLineAsync($"  report:              {Path.GetFullPath(Path.Combine(settings.OutDir, "report.md"))}").ConfigureAwait(false);
        return 0;
    }
}
