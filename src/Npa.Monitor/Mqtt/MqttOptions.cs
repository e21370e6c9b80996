using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>MQTT broker, credentials, topics and the alert outbox (config section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    /// <summary>Embedded MQTTnet server (default) or an external broker.</summary>
    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>Broker host; for the embedded broker, the IP address it binds (loopback by default).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker TCP port (1..65535).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Use TLS: to the external broker, or on the embedded broker's listener (then with <see cref="CertificateFile"/>
    /// and <see cref="KeyFile"/>). The embedded broker binds an address off loopback only with TLS.
    /// </summary>
    public bool Tls { get; set; }

    /// <summary>Embedded broker with TLS: PEM file of the certificate it presents (leaf first, then any intermediates).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Embedded broker with TLS: PEM file of that certificate's private key (keep it mode 0600).</summary>
    public string? KeyFile { get; set; }

    /// <summary>PEM file of the CA that signed the external broker's certificate (null: the system's trust store).</summary>
    public string? CaFile { get; set; }

    /// <summary>User name of the monitor's own client (null: anonymous on external, a per-run secret on embedded).</summary>
    public string? Username { get; set; }

    /// <summary>File holding the monitor client's password (first line); required with <see cref="Username"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>First topic level (default <c>npa</c>): letters, digits, '-', '_' and inner '/'.</summary>
    public string TopicPrefix { get; set; } = "npa";

    /// <summary>QoS of <c>…/assessment</c> messages (0 or 1).</summary>
    public int AssessmentQoS { get; set; }

    /// <summary>
    /// This monitor instance on the broker: its own availability, stats, claim and conflict topics
    /// (<c>{prefix}/monitors/{InstanceId}/…</c>). Letters, digits, '-' and '_'; by default the host name, lower case.
    /// Each instance on one broker needs its own.
    /// </summary>
    public string InstanceId { get; set; } = MonitorInstanceId.FromHostName(Environment.MachineName);

    /// <summary>MQTT client id of the monitor (null: <c>npa-monitor-{InstanceId}</c>, so that instances on one broker do not take over each other's session).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client id the monitor connects with.</summary>
    public string MonitorClientId() => ClientId ?? $"npa-monitor-{InstanceId}";

    /// <summary>First wait before reconnecting; doubles per failed attempt.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait between reconnect attempts while outbox entries (alerts, states, statuses) wait to be sent, so
    /// that a pain alert goes out within about this long after the broker is back; a refused login keeps
    /// <see cref="ReconnectMaxDelay"/>.
    /// </summary>
    public TimeSpan PendingReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>SQLite file of the QoS 1 outbox (alerts, states, statuses), created 0600; null: <c>mqtt-outbox.db</c> in Storage:DataDirectory.</summary>
    public string? OutboxPath { get; set; }

    /// <summary>
    /// How long a delivered outbox entry is kept and sent again after a reconnect (0 = removed at PUBACK). A broker
    /// that crashes right after its PUBACK may not have passed the message on; replaying covers that, at the cost of
    /// duplicates, which at-least-once delivery allows.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outbox entries before non-alert entries are dropped (alerts never are).</summary>
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>
    /// Whether the embedded broker lets clients without credentials subscribe (loopback tools such as mosquitto_sub).
    /// Only on loopback: a broker bound elsewhere refuses anonymous clients whatever this says, and start refuses
    /// the contradiction.
    /// </summary>
    public bool AllowAnonymousSubscribers { get; set; } = true;

    /// <summary>Nursing-station users of the embedded broker (subscribe only).</summary>
    public IList<MqttDashboardUser> DashboardUsers { get; } = [];

    /// <summary>
    /// Nurses'-station users of the embedded broker (<c>npa-monitor station</c>): may subscribe to everything and
    /// publish only alarm commands (<c>{prefix}/beds/+/set/+</c>, not retained, signed with their own user).
    /// </summary>
    public IList<MqttDashboardUser> StationUsers { get; } = [];
}
