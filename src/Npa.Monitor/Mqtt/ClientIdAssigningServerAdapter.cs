using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;
using MQTTnet.Server.Internal.Adapter;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// MQTTnet's TCP listener, with each accepted connection wrapped in a <see cref="ClientIdAssigningChannelAdapter"/>,
/// so that MQTT 3.1.1 clients with an empty client id (plain <c>mosquitto_sub</c>) are given one as the spec allows.
/// </summary>
internal sealed class ClientIdAssigningServerAdapter : IMqttServerAdapter
{
    private readonly MqttTcpServerAdapter _tcp = new();
    private readonly Func<string> _newClientId;

    public ClientIdAssigningServerAdapter(Func<string> newClientId)
    {
        _newClientId = newClientId ?? throw new ArgumentNullException(nameof(newClientId));
        _tcp.ClientHandler = OnClientAsync;
    }

    /// <summary>Set by the MQTTnet server before it starts the adapter.</summary>
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger) => _tcp.StartAsync(options, logger);

    public Task StopAsync() => _tcp.StopAsync();

    public void Dispose() => _tcp.Dispose();

    private Task OnClientAsync(IMqttChannelAdapter channel) =>
        ClientHandler is { } handler ? handler(new ClientIdAssigningChannelAdapter(channel, _newClientId)) : Task.CompletedTask;
}
