using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// The MQTTnet server inside the monitor (loopback by default; elsewhere only with TLS) with a small ACL: the
/// monitor's own client may publish; station users may also publish alarm commands (see <see cref="StationCommandRule"/>);
/// dashboard users (and, on loopback when allowed, anonymous tools) may only subscribe.
/// </summary>
public sealed class EmbeddedMqttBroker : IHostedService, IAsyncDisposable
{
    private const string RoleKey = "npa.role";
    private const string Publisher = "publisher";
    private const string Subscriber = "subscriber";
    private const string Station = "station";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    private readonly MqttOptions _options;
    private readonly MonitorMqttCredentials _monitor;
    private readonly MqttTopics _topics;
    private readonly ILogger _logger;
    private readonly Dictionary<string, byte[]> _dashboardPasswords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _stationPasswords = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MqttServer? _server;
    private X509Certificate2? _certificate;
    private bool _bindsLoopback;
    private long _rejectedPublishes;
    private bool _disposed;

    /// <summary>Creates the broker; nothing listens until <see cref="StartAsync"/>.</summary>
    public EmbeddedMqttBroker(MqttOptions options, MonitorMqttCredentials monitorCredentials, ILogger<EmbeddedMqttBroker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(monitorCredentials);
        if (monitorCredentials.Username is null || monitorCredentials.Password is null)
            throw new ArgumentException("the embedded broker needs the monitor's user name and password to tell the publisher apart", nameof(monitorCredentials));
        _options = options;
        _topics = new MqttTopics(options.TopicPrefix);
        _monitor = monitorCredentials;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Publishes the ACL refused (from dashboard users or anonymous clients).</summary>
    public long RejectedPublishes => Interlocked.Read(ref _rejectedPublishes);

    /// <summary>Whether the broker is listening.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <summary>Starts listening on <see cref="MqttOptions.Host"/>:<see cref="MqttOptions.Port"/>; a second call does nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null) return;
            _dashboardPasswords.Clear();
            foreach (var user in _options.DashboardUsers)
                _dashboardPasswords[user.Username] = Encoding.UTF8.GetBytes(MonitorMqttCredentials.ReadPasswordFile(user.PasswordFile));
            _stationPasswords.Clear();
            foreach (var user in _options.StationUsers)
                _stationPasswords[user.Username] = Encoding.UTF8.GetBytes(MonitorMqttCredentials.ReadPasswordFile(user.PasswordFile));
            var address = IPAddress.Parse(_options.Host);
            // Also enforced here, not only by the options validator: the broker is public, and a caller that skips
            // the validator must not end up serving scores in the clear to the ward network.
            _bindsLoopback = EmbeddedBrokerRules.IsLoopback(address);
            if (!_bindsLoopback && !_options.Tls)
                throw new InvalidOperationException($"the embedded MQTT broker binds {_options.Host}, off loopback, only with TLS (Mqtt:Tls, Mqtt:CertificateFile, Mqtt:KeyFile)");
            _certificate?.Dispose();
            _certificate = _options.Tls ? EmbeddedBrokerRules.LoadServerCertificate(_options) : null;
            var serverOptions = EmbeddedBrokerEndpoint.Build(address, _options.Port, _certificate);
            var server = new MqttServerFactory().CreateMqttServer(serverOptions, [new ClientIdAssigningServerAdapter(NewClientId)]);
            server.ValidatingConnectionAsync += ValidateConnectionAsync;
            server.InterceptingPublishAsync += InterceptPublishAsync;
            await server.StartAsync();
            _server = server;
            _logger.LogInformation("Embedded MQTT broker listening on {Host}:{Port} ({Tls}; {Users} dashboard users, {Stations} station users, anonymous subscribers {Anonymous})",
                _options.Host, _options.Port, _options.Tls ? "TLS" : "no TLS", _options.DashboardUsers.Count, _options.StationUsers.Count, AnonymousAllowed ? "allowed on loopback" : "refused");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops listening and drops every client; a second call does nothing.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_server is not { } server) return;
            _server = null;
            await DrainClientsAsync(server, cancellationToken);
            await server.StopAsync();
            server.Dispose();
            _logger.LogInformation("Embedded MQTT broker stopped");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await StopAsync();
        _disposed = true;
        _certificate?.Dispose();
        _gate.Dispose();
    }

    private static async Task DrainClientsAsync(MqttServer server, CancellationToken ct)
    {
        // Best effort: give queued messages (the monitor's last "stopped", a final alert) a moment to reach the
        // subscribers before the listener goes; a stuck client costs at most the grace time.
        var deadline = DateTime.UtcNow + StopGrace;
        while (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            var clients = await server.GetClientsAsync();
            if (clients.All(c => c.Session.PendingApplicationMessagesCount == 0)) return;
            await Task.Delay(10, ct);
        }
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        string? role = RoleOf(e.UserName, e.Password, e.RemoteEndPoint);
        if (role is null)
        {
            e.ReasonCode = string.IsNullOrEmpty(e.UserName) ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
            _logger.LogWarning("Embedded MQTT broker refused client {ClientId} (user '{User}')", e.ClientId, e.UserName);
            return Task.CompletedTask;
        }
        if (role != Publisher && string.Equals(e.ClientId, _options.MonitorClientId(), StringComparison.Ordinal))
        {
            // A subscriber with the monitor's client id would take over (and cut) the monitor's session.
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return Task.CompletedTask;
        }
        if (string.IsNullOrEmpty(e.ClientId))
        {
            // MQTT 5 clients (mosquitto_sub -V mqttv5) are told the id in the CONNACK; 3.1.1 clients got theirs from
            // ClientIdAssigningChannelAdapter before this handler ran.
            e.AssignedClientIdentifier = NewClientId();
        }
        e.SessionItems[RoleKey] = role;
        return Task.CompletedTask;
    }

    /// <summary>A broker-assigned client id, in mosquitto's style (<c>auto-…</c>).</summary>
    private static string NewClientId() => $"auto-{Guid.NewGuid():N}";

    private Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems[RoleKey] is Publisher) return Task.CompletedTask;
        string? refusal = "subscribe-only";
        if (e.SessionItems[RoleKey] is Station)
        {
            var m = e.ApplicationMessage;
            refusal = StationCommandRule.Refusal(_topics, e.UserName, m.Topic, m.Retain, m.Payload);
            if (refusal is null) return Task.CompletedTask;
        }
        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        Interlocked.Increment(ref _rejectedPublishes);
        _logger.LogWarning("Embedded MQTT broker refused a publish to {Topic} from {ClientId} (user '{User}'): {Reason}",
            e.ApplicationMessage.Topic, e.ClientId, e.UserName, refusal);
        return Task.CompletedTask;
    }

    /// <summary>Anonymous subscribers only while the broker listens on loopback, whatever the options say.</summary>
    private bool AnonymousAllowed => _options.AllowAnonymousSubscribers && _bindsLoopback;

    private string? RoleOf(string? user, string? password, EndPoint? remote)
    {
        // The remote check is belt and braces: a loopback listener only ever sees loopback peers.
        if (string.IsNullOrEmpty(user))
            return AnonymousAllowed && remote is IPEndPoint { Address: var from } && EmbeddedBrokerRules.IsLoopback(from) ? Subscriber : null;
        byte[] given = Encoding.UTF8.GetBytes(password ?? "");
        if (user == _monitor.Username && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(_monitor.Password!)))
            return Publisher;
        if (_stationPasswords.TryGetValue(user, out var station))
            return CryptographicOperations.FixedTimeEquals(given, station) ? Station : null;
        return _dashboardPasswords.TryGetValue(user, out var expected) && CryptographicOperations.FixedTimeEquals(given, expected)
            ? Subscriber : null;
    }
}
