using System.Net;
using System.Reactive.Concurrency;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Capture.Diagnostics;
using Npa.Monitor.Configuration;
using Npa.Monitor.HomeAssistant;
using Npa.Monitor.Metrics;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Publishing;
using Npa.Monitor.Storage;
using Npa.Monitor.Web;

namespace Npa.Monitor.Hosting;

/// <summary>Builds the monitor's host: configuration, options, services, web endpoints.</summary>
public static class MonitorHost
{
    /// <summary>Default config file, relative to the working directory.</summary>
    public const string DefaultConfigPath = "configs/monitor.json";

    /// <summary>Builds (does not start) the host. Throws <see cref="MonitorStartupException"/> for a missing config file.</summary>
    public static WebApplication Build(MonitorHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "npa-monitor",
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // Only our sources: the file, NPA_ variables, overrides. No appsettings.json, no ASPNETCORE_ surprises.
        ((IConfigurationBuilder)builder.Configuration).Sources.Clear();
        string? configPath = settings.ConfigPath ?? (File.Exists(DefaultConfigPath) ? DefaultConfigPath : null);
        if (configPath is not null)
        {
            string full = Path.GetFullPath(configPath);
            if (!File.Exists(full)) throw new MonitorStartupException($"--config: the file '{full}' does not exist");
            AddJson(builder.Configuration, $"--config: '{full}'", full, () => builder.Configuration.AddJsonFile(full, optional: false, reloadOnChange: false));
        }
        else if (settings.UseBuiltInDefaults)
        {
            var stream = typeof(MonitorHost).Assembly.GetManifestResourceStream(DefaultConfigPath)
                ?? throw new InvalidOperationException("the built-in configs/monitor.json is missing from the assembly");
            AddJson(builder.Configuration, "built-in configs/monitor.json", null, () => builder.Configuration.AddJsonStream(stream));
        }
        builder.Configuration.AddEnvironmentVariables(settings.EnvironmentPrefix);
        if (settings.Overrides is not null) builder.Configuration.AddInMemoryCollection(settings.Overrides);
        MonitorOptionsRegistration.ThrowOnUnknownSections(builder.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // Start-up failures are printed once, readably, by the run command; the host's own stack dump would bury them.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // Kestrel is configured from a plain bind of Web: the server is built before options validation runs, and
        // an invalid Web section must be reported with all the others, not alone from inside Kestrel.
        var web = new WebOptions();
        try { builder.Configuration.GetSection(WebOptions.Section).Bind(web); }
        catch (InvalidOperationException) { /* reported by validation */ }
        // Kestrel's options are built with the host, before StartupChecks can name a bad certificate file by its key, so
        // the certificate is loaded at the first handshake (StartupChecks has loaded it once by then). Renewal: restart.
        var certificate = new Lazy<X509Certificate2>(() => WebCertificate.Load(web), LazyThreadSafetyMode.ExecutionAndPublication);
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (IPAddress.TryParse(web.BindAddress, out var address) && web.Port is >= 0 and <= 65535)
            {
                k.Listen(address, web.Port, listen =>
                {
                    if (WebCertificate.IsConfigured(web)) listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Value);
                });
            }
        });
        AddMonitorServices(builder.Services, builder.Configuration);
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Host check first, for every path (a DNS-rebinding page must not even see the dashboard); then the token check
        // for the patient-data endpoints, which needs the endpoint that routing picked.
        app.UseHostFiltering();
        app.UseRouting();
        app.UseMiddleware<PatientDataGate>();
        app.MapMonitorWeb();
        return app;
    }

    private static void AddJson(ConfigurationManager configuration, string what, string? file, Action add)
    {
        try
        {
            add();
        }
        catch (Exception ex) when (JsonConfigErrors.IsJsonError(ex))
        {
            throw new MonitorStartupException($"{what} is not valid JSON: {JsonConfigErrors.Describe(ex, file)}", ex);
        }
    }

    /// <summary>The service core's registrations (options, hub, metrics, token, the monitor itself).</summary>
    public static IServiceCollection AddMonitorServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitorOptions(configuration);
        // Broker and publisher are hosted services registered before the monitor: they start first and stop last,
        // so the monitor's final alert events still reach the outbox.
        services.AddMonitorMqtt(configuration);
        services.AddHomeAssistantDiscovery(configuration);
        services.AddSingleton<IFlaggedFrameStore>(sp => new SqliteFlaggedFrameStore(
            sp.GetRequiredService<IOptions<FlaggedStoreOptions>>().Value, TimeProvider.System, sp.GetRequiredService<ILogger<SqliteFlaggedFrameStore>>()));
        services.AddHostedService<StoreMaintenance>();
        services.TryAddSingleton<IScheduler>(DefaultScheduler.Instance);
        services.TryAddSingleton<CaptureMetrics>();
        services.TryAddSingleton<IInferenceEngineFactory, PackageEngineFactory>();
        services.TryAddSingleton<IBedFrontEndFactory, CaptureFrontEndFactory>();
        services.AddSingleton(sp => new BedStateHub(sp.GetRequiredService<IOptions<WebOptions>>().Value));
        services.AddSingleton(sp => new BearerToken(sp.GetRequiredService<IOptions<WebOptions>>().Value));
        services.AddSingleton<BearerTokenFilter>();
        services.AddSingleton(sp => new DashboardAccess(sp.GetRequiredService<IOptions<WebOptions>>().Value, sp.GetRequiredService<BearerToken>()));
        services.AddHostFiltering(_ => { });
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<WebOptions>>((hosts, web) =>
        {
            hosts.AllowedHosts = [.. AllowedHostList.For(web.Value)];
            // HTTP/1.0 without a Host header is no browser's request; refuse it too.
            hosts.AllowEmptyHosts = false;
        });
        services.AddSingleton<MonitorMetrics>();
        services.AddSingleton<MetricsOutput>();
        // Flagging is a stage before the outputs (it returns the frame marked flagged), so output order does not matter.
        services.AddSingleton<FlaggingStage>();
        services.AddSingleton<MqttBedOutput>();
        services.AddSingleton<IBedOutput>(sp => sp.GetRequiredService<MqttBedOutput>());
        services.AddSingleton<IBedOutput>(sp => sp.GetRequiredService<BedStateHub>());
        services.AddSingleton<IBedOutput>(sp => sp.GetRequiredService<MetricsOutput>());
        services.AddSingleton<IStatsOutput>(sp => sp.GetRequiredService<MetricsOutput>());
        services.AddSingleton<IStatsOutput>(sp => sp.GetRequiredService<MqttBedOutput>());
        services.AddSingleton<ModelAnnouncer>();
        services.AddSingleton<MonitorService>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitorService>());
        return services;
    }

    /// <summary>
    /// Validates every options section together, checks the ports and data folders, and starts the host. Starting
    /// alone would resolve the hosted services first and meet the first bad section on its own, so a user would fix
    /// errors one run at a time; and Kestrel binds after the beds and the broker have started and published.
    /// </summary>
    public static async Task StartMonitorAsync(this WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<IAsyncStartupValidator>() is { } validator) await validator.ValidateAsync(ct).ConfigureAwait(false);
        StartupChecks.ThrowIfUnready(app.Services);
        await app.StartAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The address the dashboard listens on, once the host has started.</summary>
    public static Uri DashboardUri(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the web server has not started");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }
}
