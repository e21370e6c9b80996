using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Web;
using Npa.Shared.Messages;

namespace Npa.Monitor.Station;

/// <summary>Builds the nurses' station host: the <c>Station</c> options, the ward board, its MQTT client and the ward page.</summary>
public static class StationHost
{
    /// <summary>Default config file, relative to the working directory.</summary>
    public const string DefaultConfigPath = "configs/station.json";

    private static readonly string[] KnownSections = [StationOptions.Section, "Logging"];

    /// <summary>Builds (does not start) the host. Throws <see cref="MonitorStartupException"/> for a missing or unreadable config file.</summary>
    public static WebApplication Build(StationHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "npa-station", ContentRootPath = Directory.GetCurrentDirectory() });
        ((IConfigurationBuilder)builder.Configuration).Sources.Clear();
        string? configPath = settings.ConfigPath ?? (File.Exists(DefaultConfigPath) ? DefaultConfigPath : null);
        if (configPath is not null) AddConfigFile(builder.Configuration, Path.GetFullPath(configPath));
        builder.Configuration.AddEnvironmentVariables(settings.EnvironmentPrefix);
        if (settings.Overrides is not null) builder.Configuration.AddInMemoryCollection(settings.Overrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // Kestrel is set up from a plain bind; a bad value is reported by validation together with every other one.
        var plain = new StationOptions();
        try { builder.Configuration.GetSection(StationOptions.Section).Bind(plain); }
        catch (InvalidOperationException) { /* reported by validation */ }
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (IPAddress.TryParse(plain.BindAddress, out var address) && IPAddress.IsLoopback(address) && plain.WebPort is >= 0 and <= 65535)
                k.Listen(address, plain.WebPort);
        });

        var services = builder.Services;
        services.AddSection<StationOptions, StationOptionsValidator>(builder.Configuration, StationOptions.Section);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StationOptions>>().Value;
            return new WardBoard(new MqttTopics(o.TopicPrefix), TimeSpan.FromMinutes(o.HistoryMinutes));
        });
        services.AddSingleton(sp => new StationMqttClient(sp.GetRequiredService<IOptions<StationOptions>>().Value, sp.GetRequiredService<WardBoard>(),
            TimeProvider.System, sp.GetService<ILogger<StationMqttClient>>()));
        services.AddHostedService(sp => sp.GetRequiredService<StationMqttClient>());
        services.AddHostFiltering(_ => { });
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<StationOptions>>((hosts, o) =>
        {
            // The same DNS-rebinding guard as the monitor's dashboard: only names that lead to this machine.
            hosts.AllowedHosts = [.. AllowedHostList.For(new WebOptions { BindAddress = o.Value.BindAddress })];
            hosts.AllowEmptyHosts = false;
        });

        var app = builder.Build();
        app.UseHostFiltering();
        app.MapStation();
        return app;
    }

    private static void AddConfigFile(ConfigurationManager configuration, string full)
    {
        if (!File.Exists(full)) throw new MonitorStartupException($"--config: the file '{full}' does not exist");
        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (JsonConfigErrors.IsJsonError(ex))
        {
            throw new MonitorStartupException($"--config: '{full}' is not valid JSON: {JsonConfigErrors.Describe(ex, full)}", ex);
        }
        var unknown = file.GetChildren().Select(c => c.Key).Where(k => !KnownSections.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"{k}: is not a known section of the station's config; use {string.Join(" or ", KnownSections)}").ToList();
        if (unknown.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(StationOptions), unknown);
        configuration.AddConfiguration(file);
    }

    /// <summary>Validates the options and starts the host (the MQTT client connects in the background and keeps trying).</summary>
    public static async Task StartStationAsync(this WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<IAsyncStartupValidator>() is { } validator) await validator.ValidateAsync(ct).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
    }
}
