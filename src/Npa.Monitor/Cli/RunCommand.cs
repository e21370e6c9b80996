using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.Cli;

/// <summary><c>npa-monitor run [--config PATH]</c>, also what runs without a verb.</summary>
public static class RunCommand
{
    /// <summary>Adds <c>run</c> to <paramref name="root"/> and makes it the root's own action.</summary>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var config = new Option<string?>("--config") { Description = $"Config file (default: {MonitorHost.DefaultConfigPath} when present, else built-in defaults). Environment variables NPA_Section__Key override it." };
        var run = new Command("run", "Start the monitor: beds, model, MQTT and the dashboard (the default verb).") { config };
        run.SetAction((result, ct) => RunAsync(result.GetValue(config), Console.Out, Console.Error, ct));
        root.Add(run);
        root.Options.Add(config);
        root.SetAction((result, ct) => RunAsync(result.GetValue(config), Console.Out, Console.Error, ct));
    }

    /// <summary>Starts the host, prints where to look, and runs until cancelled. Returns 2 on a configuration or model error.</summary>
    public static async Task<int> RunAsync(string? configPath, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        WebApplication? app = null;
        try
        {
            app = MonitorHost.Build(new MonitorHostSettings { ConfigPath = configPath });
            await app.StartMonitorAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } lines)
        {
            if (lines.Count == 1) await stderr.WriteLineAsync("npa-monitor: cannot start: " + lines[0]).ConfigureAwait(false);
            else
            {
                await stderr.WriteLineAsync("npa-monitor: cannot start:").ConfigureAwait(false);
                foreach (var line in lines) await stderr.WriteLineAsync("  " + line).ConfigureAwait(false);
            }
            if (app is not null) await app.DisposeAsync().ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unexpected (a damaged data file): one readable line naming the cause, not a stack dump.
            await stderr.WriteLineAsync($"npa-monitor: cannot start: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            if (app is not null) await app.DisposeAsync().ConfigureAwait(false);
            return 1;
        }
        await using (app.ConfigureAwait(false))
        {
            await PrintWhereToLookAsync(app, stdout).ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task PrintWhereToLookAsync(WebApplication app, TextWriter stdout)
    {
        var dashboard = app.DashboardUri();
        var beds = app.Services.GetService(typeof(IOptions<BedsOptions>)) is IOptions<BedsOptions> b ? b.Value : [];
        await stdout.WriteLineAsync($"npa-monitor is running with {beds.Count} bed(s): {string.Join(", ", beds.Select(x => $"{x.Id} ({x.DescribeCamera()})"))}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  dashboard:  {dashboard}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  health:     {dashboard}healthz    metrics: {dashboard}metrics").ConfigureAwait(false);
        if (app.Services.GetService(typeof(IOptions<MqttOptions>)) is IOptions<MqttOptions> mqtt)
        {
            var m = mqtt.Value;
            string mode = m.Mode == MqttMode.Embedded ? "embedded broker" : "broker";
            await stdout.WriteLineAsync($"  MQTT:       {mode} {m.Host}:{m.Port}, topics {m.TopicPrefix}/#").ConfigureAwait(false);
            await stdout.WriteLineAsync($"              mosquitto_sub -h {m.Host} -p {m.Port} -t '{m.TopicPrefix}/#' -v").ConfigureAwait(false);
        }
        await stdout.WriteLineAsync("  stop with Ctrl+C").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
    }
}
