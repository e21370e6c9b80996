using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>The connection loop: connect, replay, drain, wait; back off on failure.</summary>
public sealed partial class ReliableMqttPublisher
{
    private async Task RunAsync(CancellationToken ct)
    {
        var delay = _options.ReconnectMinDelay;
        int failedInRow = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(failedInRow, ct);
                    delay = _options.ReconnectMinDelay;
                    failedInRow = 0;
                }
                if (_options.ReplayWindow > TimeSpan.Zero) _outbox.PurgeAcknowledged(_time.GetUtcNow() - _options.ReplayWindow);
                await DrainAsync(ct);
                await WaitForWorkAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _connectFailures);
                bool refused = ex is MqttRefusedException;
                // One warning per outage: with messages waiting the broker is probed every second or so, and a line
                // per probe would bury the log. A refused login is probed rarely, and each refusal is news.
                var level = failedInRow++ == 0 || refused ? LogLevel.Warning : LogLevel.Debug;
                _logger.Log(level, "MQTT broker {Host}:{Port} not reachable ({Error}); retrying in {Delay}",
                    _options.Host, _options.Port, ex.Message, BackoffStep(delay, refused));
                try
                {
                    await BackOffAsync(delay, refused, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// The wait before the next attempt: the exponential step, cut to <see cref="MqttOptions.PendingReconnectMaxDelay"/>
    /// while outbox entries (alerts, states, statuses) wait, so that they go out soon after the broker is back. A
    /// refused login keeps the full step: a wrong password does not heal by itself.
    /// </summary>
    private TimeSpan BackoffStep(TimeSpan delay, bool refused) =>
        refused || _outbox.Count == 0 ? delay : TimeSpan.FromTicks(Math.Min(delay.Ticks, _options.PendingReconnectMaxDelay.Ticks));

    private async Task BackOffAsync(TimeSpan delay, bool refused, CancellationToken ct)
    {
        long start = _time.GetTimestamp();
        while (true)
        {
            // Re-evaluated on each wake: an alert raised during a long step (nothing was pending when it began) cuts it.
            var left = BackoffStep(delay, refused) - _time.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return;
            using var step = new CancellationTokenSource(left, _time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct, step.Token);
            try
            {
                await _wake.Reader.ReadAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ConnectAsync(int failedBefore, CancellationToken ct)
    {
        var connect = await _client.ConnectAsync(_clientOptions, ct);
        if (connect.ResultCode != MqttClientConnectResultCode.Success)
            throw new MqttRefusedException($"the broker refused the connection: {connect.ResultCode} {connect.ReasonString}");
        await _client.PublishAsync(Message(_availabilityTopic, Encoding.UTF8.GetBytes(Availability.Online), 1, true), ct);
        await AnnounceAndSubscribeAsync(ct);
        int replayed = 0;
        if (_options.ReplayWindow > TimeSpan.Zero)
        {
            // Entries delivered shortly before the connection dropped go again: the broker may have died holding them.
            // After a process restart the drop time is unknown; then only those within the window of now are replayed.
            long dropMs = Interlocked.Read(ref _disconnectedAtMs);
            var dropped = dropMs >= 0 ? DateTimeOffset.FromUnixTimeMilliseconds(dropMs) : _time.GetUtcNow();
            _outbox.PurgeAcknowledged(dropped - _options.ReplayWindow);
            replayed = _outbox.RequeueAcknowledged();
        }
        Interlocked.Increment(ref _connects);
        _logger.LogInformation("MQTT connected to {Host}:{Port} after {Failed} failed attempts; {Pending} outbox entries to deliver ({Replayed} replayed)",
            _options.Host, _options.Port, failedBefore, _outbox.Count, replayed);
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        while (_client.IsConnected)
        {
            var batch = _outbox.Peek(DrainBatch);
            if (batch.Count == 0) return;
            foreach (var entry in batch)
            {
                var m = entry.Message;
                var result = await _client.PublishAsync(Message(m.Topic, m.Payload, m.QoS, m.Retain), ct);
                if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
                {
                    if (_options.ReplayWindow > TimeSpan.Zero) _outbox.Acknowledge(entry.Id, _time.GetUtcNow());
                    else _outbox.Remove(entry.Id);
                    continue;
                }
                // Retrying a refusal would block every later alert behind it forever.
                Interlocked.Increment(ref _rejectedByBroker);
                _logger.LogError("MQTT broker refused {Kind} message to {Topic}: {Reason} {Text}", m.Kind, m.Topic, result.ReasonCode, result.ReasonString);
                _outbox.Remove(entry.Id);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken ct)
    {
        // Wake for new entries or a dropped connection; also now and then, so that the replay window is purged on time.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (_options.ReplayWindow > TimeSpan.Zero)
            timeout.CancelAfter(TimeSpan.FromTicks(Math.Max(_options.ReplayWindow.Ticks / 2, TimeSpan.FromMilliseconds(100).Ticks)));
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
