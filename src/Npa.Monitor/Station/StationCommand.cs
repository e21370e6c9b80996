using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Hosting;

namespace Npa.Monitor.Station;

/// <summary><c>npa-monitor station [--config PATH]</c>: the nurses' station, every bed of every monitor on one broker.</summary>
public static class StationCommand
{
    /// <summary>The <c>station</c> verb.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = $"Config file (default: {StationHost.DefaultConfigPath} when present, else built-in defaults). Environment variables NPA_Station__Key override it." };
        var station = new Command("station", "Start the nurses' station: a ward page (loopback) of every bed of every monitor on the broker, with alarm acknowledge, silence and hold.") { config };
        station.SetAction((result, ct) => RunAsync(result.GetValue(config), Console.Out, Console.Error, ct));
        return station;
    }

    /// <summary>Starts the station, prints where to look, and runs until cancelled. Returns 2 on a configuration error.</summary>
    public static async Task<int> RunAsync(string? configPath, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        WebApplication? app = null;
        try
        {
            app = StationHost.Build(new StationHostSettings { ConfigPath = configPath });
            await app.StartStationAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } lines)
        {
            await stderr.WriteLineAsync("npa-monitor station: cannot start:").ConfigureAwait(false);
            foreach (var line in lines) await stderr.WriteLineAsync("  " + line).ConfigureAwait(false);
            if (app is not null) await app.DisposeAsync().ConfigureAwait(false);
            return 2;
        }
        await using (app.ConfigureAwait(false))
        {
            var o = app.Services.GetRequiredService<IOptions<StationOptions>>().Value;
            await stdout.WriteLineAsync($"npa-monitor station is running").ConfigureAwait(false);
            await stdout.WriteLineAsync($"  ward page:  {app.DashboardUri()}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"  MQTT:       {o.Host}:{o.Port}{(o.Tls ? " (TLS)" : "")}, topics {o.TopicPrefix}/#, as {o.Username ?? "anonymous (read-only: no alarm commands)"}").ConfigureAwait(false);
            await stdout.WriteLineAsync("  stop with Ctrl+C").ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
        }
        return 0;
    }
}
