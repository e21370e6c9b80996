using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npa.Monitor.Cli;
using Npa.Monitor.Hosting;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Tests.Storage;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Hosting;

/// <summary>The real host refuses to start with one line that names the key, port, file or line at fault.</summary>
public sealed class StartupErrors_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Mqtt_Port_In_Use_Names_The_Key_And_The_Port()
    {
        using var held = Hold(out int port);

        var (code, error) = await RunAsync(Config(mqttPort: port));

        Assert.Equal(2, code);
        Assert.Equal($"npa-monitor: cannot start: Mqtt:Port {port} is already in use by another process{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Web_Port_In_Use_Names_The_Key_And_The_Port()
    {
        using var held = Hold(out int port);

        var (code, error) = await RunAsync(Config(webPort: port));

        Assert.Equal(2, code);
        Assert.Equal($"npa-monitor: cannot start: Web:Port {port} is already in use by another process{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Web_Port_In_Use_Stops_Start_Before_Any_Bed_Or_The_Broker_Starts()
    {
        using var held = Hold(out int webPort);
        string data = _temp.File("data");
        var settings = TestMonitor.Settings(data, "bed-1", "bed-2");
        settings["Web:Port"] = webPort.ToString(CultureInfo.InvariantCulture);
        int mqttPort = int.Parse(settings["Mqtt:Port"]!, CultureInfo.InvariantCulture);
        var engine = new FakeEngine("test-model-1");
        var beds = new ScriptedFrontEndFactory(engine);
        await using var app = MonitorHost.Build(new MonitorHostSettings
        {
            Overrides = settings,
            EnvironmentPrefix = "NPA_TEST_UNUSED_",
            UseBuiltInDefaults = false,
            ConfigureServices = s =>
            {
                s.AddSingleton<IInferenceEngineFactory>(new FakeEngineFactory().Then(engine));
                s.AddSingleton<IBedFrontEndFactory>(beds);
            },
        });

        var refused = await Assert.ThrowsAsync<MonitorStartupException>(() => app.StartMonitorAsync());

        Assert.Equal($"Web:Port {webPort} is already in use by another process", refused.Message);
        Assert.Equal(0, beds.CreatedCount); // no camera ran, so nothing was assessed or published
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, mqttPort)); // the broker never listened
    }

    [Fact]
    public async Task Certificate_That_Does_Not_Load_Stops_Start_Naming_The_Key_And_The_File()
    {
        string certificate = _temp.File("web-cert.pem");
        await File.WriteAllTextAsync(certificate, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        await using var app = Build(s => s["Web:CertificatePath"] = certificate);

        var refused = await Assert.ThrowsAsync<MonitorStartupException>(() => app.StartMonitorAsync());

        Assert.StartsWith($"Web:CertificatePath: cannot load '{certificate}' as PEM: ", refused.Message);
    }

    [Fact]
    public async Task Expired_Certificate_Stops_Start_With_Its_Date()
    {
        var (certificate, key) = TestCertificate.WritePem(_temp.File("certs"), validFor: TimeSpan.FromDays(-1));
        await using var app = Build(s =>
        {
            s["Web:CertificatePath"] = certificate;
            s["Web:CertificateKeyPath"] = key;
        });

        var refused = await Assert.ThrowsAsync<MonitorStartupException>(() => app.StartMonitorAsync());

        Assert.StartsWith($"Web:CertificatePath: '{certificate}' with the key '{key}' expired on ", refused.Message);
    }

    private Microsoft.AspNetCore.Builder.WebApplication Build(Action<Dictionary<string, string?>> tweak)
    {
        var settings = TestMonitor.Settings(_temp.File("data"), "bed-1");
        tweak(settings);
        var engine = new FakeEngine("test-model-1");
        return MonitorHost.Build(new MonitorHostSettings
        {
            Overrides = settings,
            EnvironmentPrefix = "NPA_TEST_UNUSED_",
            UseBuiltInDefaults = false,
            ConfigureServices = s =>
            {
                s.AddSingleton<IInferenceEngineFactory>(new FakeEngineFactory().Then(engine));
                s.AddSingleton<IBedFrontEndFactory>(new ScriptedFrontEndFactory(engine));
            },
        });
    }

    [Fact]
    public async Task Config_That_Is_Not_Json_Names_The_File_Line_And_Column()
    {
        var (code, error) = await RunAsync("""
            {
              "Beds": [ { "Id": "bed-1", "Camera": { "Kind": "Simulated" } } ],
              "Web": { "Port": }
            }
            """);

        Assert.Equal(2, code);
        Assert.Matches(@"^npa-monitor: cannot start: --config: '/[^']*/monitor\.json' is not valid JSON: line 3, column 20: '}' is an invalid start of a value\r?\n$", error);
    }

    [Theory]
    [InlineData("/proc/npa")]
    [InlineData("{temp}/a-file/data")]
    public async Task Data_Folder_That_Cannot_Be_Written_Names_The_Key_And_The_Path(string folder)
    {
        await File.WriteAllTextAsync(_temp.File("a-file"), "not a folder");
        folder = folder.Replace("{temp}", _temp.Path, StringComparison.Ordinal);

        var (code, error) = await RunAsync(Config(data: folder));

        Assert.Equal(2, code);
        Assert.StartsWith($"npa-monitor: cannot start: Storage:DataDirectory '{folder}' is not a writable folder: ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    private string Config(int mqttPort = 0, int webPort = 0, string? data = null)
    {
        mqttPort = mqttPort == 0 ? FreePort() : mqttPort;
        data ??= _temp.File("data");
        return $$"""
            {
              "Beds": [ { "Id": "bed-1", "Camera": { "Kind": "Simulated" } } ],
              "Inference": { "ModelPath": "{{_temp.File("models/demo")}}", "WatchModel": false },
              "Mqtt": { "Port": {{mqttPort}} },
              "Storage": { "DataDirectory": "{{data}}" },
              "Web": { "Port": {{webPort}} }
            }
            """;
    }

    private async Task<(int Code, string Error)> RunAsync(string json)
    {
        string file = _temp.File("monitor.json");
        await File.WriteAllTextAsync(file, json);
        var stderr = new StringWriter();
        int code = await RunCommand.RunAsync(file, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    private static TcpListener Hold(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    private static int FreePort()
    {
        using var listener = Hold(out int port);
        return port;
    }
}
