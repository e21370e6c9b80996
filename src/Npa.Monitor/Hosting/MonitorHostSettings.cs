using Microsoft.Extensions.DependencyInjection;

namespace Npa.Monitor.Hosting;

/// <summary>How to build a monitor host: config file, extra settings, service overrides.</summary>
public sealed class MonitorHostSettings
{
    /// <summary>Config file (<c>--config</c>); null uses configs/monitor.json when it exists, else the built-in copy of it.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Without a config file, start from the built-in copy of configs/monitor.json (two simulated beds); false starts from the options' own defaults.</summary>
    public bool UseBuiltInDefaults { get; init; } = true;

    /// <summary>Settings applied after the file and the NPA_ environment variables (e.g. from the command line).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    /// <summary>Last say on the service registrations.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Prefix of the environment variables that override settings (<c>NPA_Alerts__StartScore=4</c>).</summary>
    public string EnvironmentPrefix { get; init; } = "NPA_";
}
