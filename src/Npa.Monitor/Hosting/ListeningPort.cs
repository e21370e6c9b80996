using System.Net;

namespace Npa.Monitor.Hosting;

/// <summary>A TCP port the monitor will listen on, with the config key that sets it.</summary>
/// <param name="Key">Config key of the port, as a user writes it (<c>Mqtt:Port</c>).</param>
/// <param name="Address">Address it binds.</param>
/// <param name="Port">Port number; 0 asks the system for a free one.</param>
public sealed record ListeningPort(string Key, IPAddress Address, int Port);
