namespace Npa.Monitor.Station;

/// <summary>How to build a station host: config file and extra settings.</summary>
public sealed class StationHostSettings
{
    /// <summary>Config file (<c>--config</c>); null uses configs/station.json when it exists, else the options' defaults.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Settings applied after the file and the environment (tests, the command line).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    /// <summary>
    /// Prefix of the environment variables that override settings (<c>NPA_Station__Username=station-1</c>). Only the
    /// <c>Station</c> section is read from them: the monitor's own NPA_ variables may share the environment.
    /// </summary>
    public string EnvironmentPrefix { get; init; } = "NPA_";
}
