using Microsoft.Extensions.Configuration;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;

namespace Npa.Monitor.Replay;

/// <summary>Reads a replay's configuration from the same sources as <c>run</c>: the file (or the built-in monitor.json), then NPA_ variables.</summary>
public static class ReplayConfiguration
{
    /// <summary>The configuration; throws <see cref="MonitorStartupException"/> for a missing or malformed file.</summary>
    public static IConfigurationRoot Load(string? configPath, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        string? path = configPath ?? (File.Exists(MonitorHost.DefaultConfigPath) ? MonitorHost.DefaultConfigPath : null);
        try
        {
            if (path is not null)
            {
                string full = Path.GetFullPath(path);
                if (!File.Exists(full)) throw new MonitorStartupException($"--config: the file '{full}' does not exist");
                builder.AddJsonFile(full, optional: false, reloadOnChange: false);
            }
            else
            {
                var stream = typeof(MonitorHost).Assembly.GetManifestResourceStream(MonitorHost.DefaultConfigPath)
                    ?? throw new InvalidOperationException("the built-in configs/monitor.json is missing from the assembly");
                builder.AddJsonStream(stream);
            }
            builder.AddEnvironmentVariables("NPA_");
            if (overrides is not null) builder.AddInMemoryCollection(overrides);
            var configuration = builder.Build();
            MonitorOptionsRegistration.ThrowOnUnknownSections(configuration);
            return configuration;
        }
        catch (InvalidDataException ex)
        {
            throw new MonitorStartupException($"--config: '{path}' is not valid JSON: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }
}
