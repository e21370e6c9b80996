using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Mqtt;

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
            // StartupChecks name a port in use before anything starts; these two are for a port taken in the
            // moment between that check and the real bind.
            case IOException { InnerException: AddressInUseException } io:
                return [$"{WebOptions.Section}:Port: {io.Message}"];
            case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                return [$"{MqttOptionsValidator.Section}:Port is already in use by another process (it was free a moment before)"];
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
