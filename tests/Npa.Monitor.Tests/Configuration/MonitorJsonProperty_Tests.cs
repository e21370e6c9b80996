using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Capture.Configuration;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.PropertyTesting;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Configuration;

/// <summary>
/// Config files near the shipped <c>configs/monitor.json</c>, through the monitor's own loading (JSON provider, strict
/// binding, validators): each loads, or is refused with an error the run command prints (never a crash), naming the key.
/// </summary>
public sealed partial class MonitorJsonProperty_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Any_Near_Valid_Config_Loads_Or_Is_Refused_Naming_The_Key()
    {
        string valid = File.ReadAllText(Path.Combine(RepoRoot(), "configs", "monitor.json"));
        string file = _temp.File("monitor.json");
        long refused = 0;
        long ran = PropertyRun.Check(JsonMutator.Near(valid), json =>
        {
            File.WriteAllText(file, json);
            var failures = Load(file);
            if (failures.Count > 0) refused++;
            foreach (string failure in failures)
                Assert.True(NamesTheKey(failure), failure);
        }, output.WriteLine, cases: 200);
        output.WriteLine($"refused: {refused}");
        Assert.Equal(200, ran);
        Assert.InRange(refused, ran / 3, ran);
    }

    /// <summary>The lines the run command would print, or none when every section is valid.</summary>
    private static List<string> Load(string file)
    {
        IConfiguration config;
        try
        {
            config = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (JsonConfigErrors.IsJsonError(ex))
        {
            return [JsonConfigErrors.Describe(ex, file)];
        }
        var failures = new List<string>();
        try
        {
            MonitorOptionsRegistration.ThrowOnUnknownSections(config);
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        using var services = new ServiceCollection().AddMonitorOptions(config).AddMonitorMqtt(config).BuildServiceProvider();
        foreach (var resolve in Sections)
        {
            try
            {
                _ = resolve(services);
            }
            catch (Exception ex) when (StartupErrors.Describe(ex) is { } lines)
            {
                failures.AddRange(lines);
            }
        }
        return failures;
    }

    private static readonly Func<IServiceProvider, object>[] Sections =
    [
        sp => sp.GetRequiredService<IOptions<BedsOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<CaptureOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<AlertsOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<FlaggingOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<WebOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<MqttOptions>>().Value,
        sp => sp.GetRequiredService<IOptions<FlaggedStoreOptions>>().Value,
    ];

    // "Alerts:StartScore: …", "Beds:0:Camera:Kind …", "line 3, column 5: …", "unexpected1: is not a known section".
    private static bool NamesTheKey(string failure) =>
        KeyPath().IsMatch(failure) || failure.StartsWith("line ", StringComparison.Ordinal)
        || failure.Contains(": is not a known section", StringComparison.Ordinal)
        || failure.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
        || failure.StartsWith("Top-level JSON element must be an object", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(Beds|Capture|Inference|Mqtt|Alerts|Flagging|Storage|Web|Logging)(:[A-Za-z0-9_]+)*\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPath();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NpaMonitor.sln not found above the test folder");
    }
}
