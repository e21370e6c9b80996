using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Capture.Sources;
using Npa.Monitor.Configuration;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Configuration;

public class MonitorOptions_Tests
{
    private static readonly Dictionary<string, string?> OneBed = new()
    {
        ["Beds:0:Id"] = "bed-1",
        ["Beds:0:Camera:Kind"] = "Simulated",
    };

    private static ServiceProvider Provider(IDictionary<string, string?> settings, string? json = null)
    {
        var builder = new ConfigurationBuilder();
        if (json is not null) builder.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        var config = builder.AddInMemoryCollection(settings).Build();
        MonitorOptionsRegistration.ThrowOnUnknownSections(config);
        return new ServiceCollection().AddMonitorOptions(config).AddMonitorMqtt(config).BuildServiceProvider();
    }

    private static OptionsValidationException Invalid<T>(IDictionary<string, string?> settings) where T : class
    {
        using var sp = Provider(settings);
        return Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<T>>().Value);
    }

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] extra)
    {
        var d = new Dictionary<string, string?>(OneBed);
        foreach (var (k, v) in extra) d[k] = v;
        return d;
    }

    [Fact]
    public void Defaults_With_One_Bed_Are_Valid()
    {
        using var sp = Provider(OneBed);

        var beds = sp.GetRequiredService<IOptions<BedsOptions>>().Value;
        Assert.Equal("bed-1", Assert.Single(beds).Id);
        Assert.Equal(CameraKind.Simulated, beds[0].Camera.Kind);
        Assert.Equal("127.0.0.1", sp.GetRequiredService<IOptions<WebOptions>>().Value.BindAddress);
        Assert.Equal(MqttMode.Embedded, sp.GetRequiredService<IOptions<MqttOptions>>().Value.Mode);
        Assert.Equal(Path.Combine("data", "monitor", "flagged"), sp.GetRequiredService<IOptions<FlaggedStoreOptions>>().Value.Folder);
    }

    [Fact]
    public void Shipped_Config_File_Is_Valid()
    {
        string path = Path.Combine(RepoRoot(), "configs", "monitor.json");
        using var sp = Provider(new Dictionary<string, string?>(), File.ReadAllText(path));

        var beds = sp.GetRequiredService<IOptions<BedsOptions>>().Value;
        Assert.Equal(2, beds.Count);
        Assert.All(beds, b => Assert.Equal(CameraKind.Simulated, b.Camera.Kind));
        _ = sp.GetRequiredService<IOptions<AlertsOptions>>().Value;
        _ = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
    }

    [Fact]
    public void Unknown_Key_Names_The_Section_And_The_Key()
    {
        var ex = Invalid<AlertsOptions>(With(("Alerts:StartScor", "4")));

        string message = Assert.Single(ex.Failures);
        Assert.Contains("Alerts", message);
        Assert.Contains("StartScor", message);
    }

    [Fact]
    public void Unknown_Nested_Key_Gives_Its_Full_Path()
    {
        var ex = Invalid<Npa.Capture.Configuration.CaptureOptions>(With(("Capture:Detector:BlazeFace:ModelPth", "x.onnx")));

        Assert.StartsWith("Capture:Detector:BlazeFace:ModelPth: is not a known setting; BlazeFaceOptions has ", Assert.Single(ex.Failures));
    }

    [Fact]
    public void Unknown_Key_In_A_Bed_Is_Rejected()
    {
        var ex = Invalid<BedsOptions>(With(("Beds:0:Camrea:Kind", "File")));

        Assert.Contains("Camrea", Assert.Single(ex.Failures));
    }

    [Fact]
    public void Value_Of_The_Wrong_Type_Names_The_Key()
    {
        var ex = Invalid<AlertsOptions>(With(("Alerts:SustainSeconds", "soon")));

        Assert.Contains("Alerts:SustainSeconds", Assert.Single(ex.Failures));
    }

    [Fact]
    public void End_Score_Not_Below_Start_Score_Is_Rejected_For_Hysteresis()
    {
        var ex = Invalid<AlertsOptions>(With(("Alerts:StartScore", "3"), ("Alerts:EndScore", "3.5")));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Alerts:EndScore", failure);
        Assert.Contains("hysteresis", failure);
    }

    [Fact]
    public void Out_Of_Range_Value_Gives_Key_And_Allowed_Range()
    {
        var ex = Invalid<InferenceOptions>(With(("Inference:MaxBatchSize", "500")));

        Assert.Contains(ex.Failures, f => f.Contains("Inference:MaxBatchSize", StringComparison.Ordinal) && f.Contains("1–64", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_And_Duplicate_Bed_Ids_Are_Rejected()
    {
        var ex = Invalid<BedsOptions>(new Dictionary<string, string?>
        {
            ["Beds:0:Id"] = "Bed 1", ["Beds:0:Camera:Kind"] = "Simulated",
            ["Beds:1:Id"] = "bed-2", ["Beds:1:Camera:Kind"] = "Simulated",
            ["Beds:2:Id"] = "bed-2", ["Beds:2:Camera:Kind"] = "Simulated",
        });

        Assert.Contains(ex.Failures, f => f.StartsWith("Beds:0:Id", StringComparison.Ordinal) && f.Contains("'Bed 1'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Beds:2:Id", StringComparison.Ordinal) && f.Contains("more than one bed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Null_Bed_Id_Is_Refused_As_Required_Not_A_Crash()
    {
        // A JSON "Id": null binds as null despite the non-null declaration (found by the config property test).
        var beds = new BedsOptions { new BedOptions { Id = null! }, new BedOptions { Id = "bed-2" } };

        var result = new BedsOptionsValidator().Validate(null, beds);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Beds:0:Id", StringComparison.Ordinal) && f.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Stream_Camera_Without_Url_Is_Rejected()
    {
        var ex = Invalid<BedsOptions>(With(("Beds:0:Camera:Kind", "Stream"), ("Beds:0:Camera:Target", "camera-7")));

        Assert.Contains(ex.Failures, f => f.Contains("Beds:0:Camera", StringComparison.Ordinal) && f.Contains("rtsp://", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_Loopback_Bind_Without_Token_Is_Rejected()
    {
        var ex = Invalid<WebOptions>(With(("Web:BindAddress", "0.0.0.0")));

        Assert.Contains(ex.Failures, f => f.Contains("Web:BindAddress", StringComparison.Ordinal) && f.Contains("TokenFile", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_Loopback_Bind_Without_A_Certificate_Is_Rejected_Even_With_A_Token()
    {
        var ex = Invalid<WebOptions>(With(("Web:BindAddress", "0.0.0.0"), ("Web:Token", "ward-3-dashboard-token-0123456789")));

        Assert.Equal("Web:BindAddress: '0.0.0.0' is not loopback; set Web:CertificatePath (and Web:CertificateKeyPath) so the dashboard and the API are served over HTTPS",
            Assert.Single(ex.Failures));
    }

    [Fact]
    public void Certificate_Key_Without_A_Certificate_And_Missing_Files_Are_Rejected()
    {
        var ex = Invalid<WebOptions>(With(("Web:CertificateKeyPath", "/nonexistent/key.pem")));
        Assert.Contains("Web:CertificateKeyPath: is set without Web:CertificatePath", ex.Failures);

        ex = Invalid<WebOptions>(With(("Web:CertificatePath", "/nonexistent/cert.pem")));
        Assert.Contains("Web:CertificatePath: '/nonexistent/cert.pem' does not exist", ex.Failures);
    }

    [Fact]
    public void Allowed_Hosts_Refuse_A_Bare_Wildcard_And_Anything_That_Is_Not_A_Host()
    {
        var ex = Invalid<WebOptions>(With(("Web:AllowedHosts:0", "*"), ("Web:AllowedHosts:1", "https://ward3.example/"), ("Web:AllowedHosts:2", "ward3.example")));

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("Web:AllowedHosts:0: '*' would answer any Host header", StringComparison.Ordinal));
        Assert.Contains("Web:AllowedHosts:1: 'https://ward3.example/' is not a host name or address (no scheme, port or path; IPv6 in brackets)", ex.Failures);
    }

    [Fact]
    public void Misspelt_Section_Is_Rejected()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Provider(With(("Alert:StartScore", "4"))));

        Assert.Contains("Alert: is not a known section", Assert.Single(ex.Failures));
    }

    [Fact]
    public void No_Beds_Is_Rejected()
    {
        var ex = Invalid<BedsOptions>(new Dictionary<string, string?>());

        Assert.Equal("Beds: at least one bed is required", Assert.Single(ex.Failures));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NpaMonitor.sln not found above the test folder");
    }
}
