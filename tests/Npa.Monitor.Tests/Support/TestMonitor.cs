using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npa.Monitor.Hosting;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Tests.Support;

/// <summary>A real monitor host (Kestrel on a free loopback port, embedded broker) with a test engine and scripted beds.</summary>
internal sealed class TestMonitor : IAsyncDisposable
{
    private readonly string _data;

    private TestMonitor(WebApplication app, FakeEngine engine, FakeEngineFactory engines, ScriptedFrontEndFactory beds, string data)
    {
        App = app;
        Engine = engine;
        Engines = engines;
        Beds = beds;
        _data = data;
    }

    public WebApplication App { get; }

    public FakeEngine Engine { get; }

    public FakeEngineFactory Engines { get; }

    public ScriptedFrontEndFactory Beds { get; }

    public string DataFolder => _data;

    /// <summary>The dashboard's address; a wildcard bind (0.0.0.0) is reached through 127.0.0.1.</summary>
    public Uri BaseUri
    {
        get
        {
            var uri = App.DashboardUri();
            return uri.Host == IPAddress.Any.ToString() ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
        }
    }

    public MonitorService Service => App.Services.GetRequiredService<MonitorService>();

    /// <summary>Settings for <paramref name="bedIds"/> simulated beds, a free web port and private data folders.</summary>
    public static Dictionary<string, string?> Settings(string data, params string[] bedIds)
    {
        var s = new Dictionary<string, string?>
        {
            ["Web:Port"] = "0",
            ["Mqtt:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:OutboxPath"] = Path.Combine(data, "outbox.db"),
            ["Storage:DataDirectory"] = data,
            ["Inference:ModelPath"] = Path.Combine(data, "models", "demo"),
            ["Inference:WatchModel"] = "false",
            ["Alerts:SustainSeconds"] = "0.5",
            ["Alerts:EmaHalfLifeSeconds"] = "0.1",
        };
        for (int i = 0; i < bedIds.Length; i++)
        {
            s[$"Beds:{i}:Id"] = bedIds[i];
            s[$"Beds:{i}:Camera:Kind"] = "Simulated";
        }
        return s;
    }

    public static async Task<TestMonitor> StartAsync(Action<Dictionary<string, string?>>? tweak = null, Action<ScriptedFrontEndFactory>? beds = null, params string[] bedIds)
    {
        string data = Directory.CreateTempSubdirectory("npa-monitor-test-").FullName;
        var settings = Settings(data, bedIds.Length == 0 ? ["bed-1", "bed-2"] : bedIds);
        tweak?.Invoke(settings);
        var engine = new FakeEngine("test-model-1");
        var engines = new FakeEngineFactory().Then(engine);
        var frontEnds = new ScriptedFrontEndFactory(engine);
        beds?.Invoke(frontEnds);
        var app = MonitorHost.Build(new MonitorHostSettings
        {
            ConfigPath = null,
            Overrides = settings,
            EnvironmentPrefix = "NPA_TEST_UNUSED_",
            UseBuiltInDefaults = false,
            ConfigureServices = s =>
            {
                s.AddSingleton<IInferenceEngineFactory>(engines);
                s.AddSingleton<IBedFrontEndFactory>(frontEnds);
            },
        });
        try
        {
            await app.StartMonitorAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
            throw;
        }
        return new TestMonitor(app, engine, engines, frontEnds, data);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* a file still closing; the temp folder is cleaned by the OS */ }
    }
}
