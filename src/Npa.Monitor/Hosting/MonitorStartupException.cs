namespace Npa.Monitor.Hosting;

/// <summary>The monitor cannot start; the message says which setting or file is at fault and why.</summary>
public sealed class MonitorStartupException : Exception
{
    public MonitorStartupException() { }

    public MonitorStartupException(string message) : base(message) { }

    public MonitorStartupException(string message, Exception inner) : base(message, inner) { }
}
