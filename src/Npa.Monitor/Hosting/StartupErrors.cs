using Microsoft.Extensions.Options;

namespace Npa.Monitor.Hosting;

/// <summary>Turns start-up failures into the lines a user reads (which key or file, and why).</summary>
public static class StartupErrors
{
    /// <summary>The readable lines for a known start-up failure, or null for an unexpected one.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case MonitorStartupException m:
                return [m.Message];
            case OptionsValidationException o:
                return o.Failures.ToList();
            case AggregateException a:
                var lines = new List<string>();
                foreach (var inner in a.Flatten().InnerExceptions)
                {
                    if (Describe(inner) is not { } l) return null;
                    lines.AddRange(l);
                }
                return lines;
            default:
                return null;
        }
    }
}
