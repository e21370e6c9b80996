using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// What the link redoes on every connect, after <c>online</c>: retained announcements (the bed claim) and
/// subscriptions (other instances' claims, the nurses' commands). The session starts clean each time, so both are
/// repeated; a clean stop clears the announcements (an empty retained message) before <c>stopped</c>.
/// </summary>
public sealed partial class ReliableMqttPublisher
{
    private readonly List<(string Topic, Func<byte[]> Payload, bool ClearOnStop)> _announcements = [];
    private readonly List<(string Filter, Func<MqttApplicationMessage, Task> Handler)> _subscriptions = [];

    /// <summary>
    /// Publishes <paramref name="payload"/>() retained (QoS 1) to <paramref name="topic"/> on every connect, and clears
    /// it on a clean stop unless <paramref name="clearOnStop"/> is false; call before <see cref="StartAsync"/>.
    /// </summary>
    public void AnnounceOnConnect(string topic, Func<byte[]> payload, bool clearOnStop = true)
    {
        ThrowIfStarted();
        _announcements.Add((topic, payload, clearOnStop));
    }

    /// <summary>Subscribes to <paramref name="filter"/> (QoS 1) on every connect and hands each message to <paramref name="handler"/>; call before <see cref="StartAsync"/>.</summary>
    public void SubscribeOnConnect(string filter, Func<MqttApplicationMessage, Task> handler)
    {
        ThrowIfStarted();
        if (_subscriptions.Count == 0) _client.ApplicationMessageReceivedAsync += OnReceivedAsync;
        _subscriptions.Add((filter, handler));
    }

    private async Task AnnounceAndSubscribeAsync(CancellationToken ct)
    {
        foreach (var (topic, payload, _) in _announcements)
            await _client.PublishAsync(Message(topic, payload(), 1, retain: true), ct);
        if (_subscriptions.Count == 0) return;
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var (filter, _) in _subscriptions)
            subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithNoLocal());
        var result = await _client.SubscribeAsync(subscribe.Build(), ct);
        foreach (var item in result.Items.Where(i => (int)i.ResultCode > 2))
            _logger.LogError("MQTT broker refused the subscription to {Filter}: {Reason}; check the monitor user's ACL", item.TopicFilter.Topic, item.ResultCode);
    }

    private async Task ClearAnnouncementsAsync(CancellationToken ct)
    {
        foreach (var (topic, _, _) in _announcements.Where(a => a.ClearOnStop))
            await _client.PublishAsync(Message(topic, ReadOnlyMemory<byte>.Empty, 1, retain: true), ct);
    }

    private async Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic;
        foreach (var (filter, handler) in _subscriptions)
        {
            if (MqttTopicFilterComparer.Compare(topic, filter) != MqttTopicFilterCompareResult.IsMatch) continue;
            try
            {
                await handler(e.ApplicationMessage);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException or DecoderFallbackException)
            {
                _logger.LogWarning("MQTT message on {Topic} ignored: {Reason}", topic, ex.Message);
            }
        }
    }

    private void ThrowIfStarted()
    {
        ThrowIfDisposed();
        if (_loop is not null) throw new InvalidOperationException("announcements and subscriptions are registered before StartAsync");
    }
}
