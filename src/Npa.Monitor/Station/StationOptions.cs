namespace Npa.Monitor.Station;

/// <summary>The nurses' station (<c>npa-monitor station</c>, config section <c>Station</c>): which broker, as whom, and where the ward page listens.</summary>
public sealed class StationOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Station";

    /// <summary>Broker host (a name or an address).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker TCP port (1..65535).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Connect with TLS.</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate (null: the system's trust store); needs <see cref="Tls"/>.</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// The station's broker user: reads everything and writes only alarm commands (on the embedded broker, an entry of
    /// the monitor's <c>Mqtt:StationUsers</c>). Null: anonymous, which may read but never send a command.
    /// </summary>
    public string? Username { get; set; }

    /// <summary>File holding the password (first line); required with <see cref="Username"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>First topic level, as the monitors publish it (default <c>npa</c>).</summary>
    public string TopicPrefix { get; set; } = "npa";

    /// <summary>MQTT client id (null: <c>npa-station-{host name}</c>; two stations on one broker need different ids).</summary>
    public string? ClientId { get; set; }

    /// <summary>MQTT keep-alive in seconds (1..600).</summary>
    public int KeepAliveSeconds { get; set; } = 5;

    /// <summary>Address the ward page listens on: loopback only, since the page has no sign-in of its own.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the ward page (0 = any free port).</summary>
    public int WebPort { get; set; } = 8490;

    /// <summary>Minutes of score history each bed's chart shows (1..240).</summary>
    public int HistoryMinutes { get; set; } = 15;

    /// <summary>The client id the station connects with.</summary>
    public string StationClientId() => ClientId ?? "npa-station-" + Shared.Messages.MonitorInstanceId.FromHostName(Environment.MachineName);

    /// <summary>Who the station's commands say sent them: its broker user, and the nurse where given (<c>station-1/j.smith</c>).</summary>
    public string Signature(string? nurse) =>
        (Username ?? StationClientId()) + (string.IsNullOrWhiteSpace(nurse) ? "" : "/" + nurse.Trim());
}
