using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using Npa.Monitor.Mqtt;
using Npa.Shared.Messages;

namespace Npa.Monitor.Station;

/// <summary>
/// The station's one MQTT connection: reads every bed and monitor topic into the <see cref="WardBoard"/>, reconnects
/// with back-off, and sends the nurses' alarm commands (QoS 1, never retained, signed with the station's user).
/// </summary>
public sealed class StationMqttClient : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private readonly StationOptions _options;
    private readonly WardBoard _board;
    private readonly MqttTopics _topics;
    private readonly ILogger _logger;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _lost = new(0, 1);
    private long _seq;
    private long _badPayloads;
    private Task? _loop;
    private int _disposed;

    /// <summary>A client for <paramref name="options"/> feeding <paramref name="board"/>; it connects on <see cref="StartAsync"/>.</summary>
    public StationMqttClient(StationOptions options, WardBoard board, TimeProvider? time = null, ILogger<StationMqttClient>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _board = board ?? throw new ArgumentNullException(nameof(board));
        _topics = new MqttTopics(options.TopicPrefix);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        // Seq goes on rising across station restarts without a file: it starts from the clock.
        _seq = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += e =>
        {
            _board.SetBrokerConnected(false);
            if (e.ClientWasConnected) _logger.LogWarning("station: lost the broker {Host}:{Port} ({Reason})", _options.Host, _options.Port, e.Reason);
            if (_lost.CurrentCount == 0) _lost.Release();
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether the link to the broker is up.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Messages whose payload did not fit their topic (logged and skipped).</summary>
    public long BadPayloads => Interlocked.Read(ref _badPayloads);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _loop ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        // The host stops it, then the container disposes it (which stops it again): the second time is a no-op.
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_loop is { } loop) await loop.ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false); }
            catch (MQTTnet.Exceptions.MqttCommunicationException) { /* the broker went first */ }
        }
    }

    /// <summary>Publishes one alarm command for <paramref name="bed"/> and waits for the broker's answer.</summary>
    public async Task<StationCommandOutcome> SendAsync(string bed, BedCommandKind kind, int? minutes, string? episodeId, string? nurse, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        string topic = _topics.Command(bed, kind);
        var command = new BedCommandMessage
        {
            BedId = bed, Seq = Interlocked.Increment(ref _seq), Time = DateTimeOffset.UtcNow, By = _options.Signature(nurse),
            Minutes = minutes, EpisodeId = episodeId,
        };
        if (!_client.IsConnected) return new StationCommandOutcome(false, topic, command.Seq, command.By, "the station is not connected to the broker");
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(MqttJson.Serialize(command))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(false).Build();
        var result = await _client.PublishAsync(message, ct).ConfigureAwait(false);
        bool sent = result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;
        if (sent) _logger.LogInformation("station: {Kind} for bed {Bed} by {By} sent (seq {Seq})", kind, bed, command.By, command.Seq);
        else _logger.LogWarning("station: {Kind} for bed {Bed} by {By} refused by the broker: {Reason}", kind, bed, command.By, result.ReasonCode);
        return new StationCommandOutcome(sent, topic, command.Seq, command.By, sent ? null : $"the broker refused it ({result.ReasonCode})");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync().ConfigureAwait(false);
        _client.Dispose();
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var delay = MinDelay;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(ct).ConfigureAwait(false);
                    delay = MinDelay;
                }
                // A release left over from a failed attempt wakes this early; the loop then finds the link up and waits again.
                await _lost.WaitAsync(ct).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MqttRefusedException or OperationCanceledException or TimeoutException)
            {
                _logger.LogWarning("station: cannot reach the broker {Host}:{Port}: {Message}; trying again in {Delay} s", _options.Host, _options.Port, ex.Message, delay.TotalSeconds);
            }
            try { await Task.Delay(delay, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var result = await _client.ConnectAsync(StationClientOptions.Create(_options), ct).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new MqttRefusedException($"the broker refused the station ({result.ResultCode})");
        // Retained state, status, claims, availability and models arrive right after the subscription: the board is
        // whole again. MQTTnet's server (the embedded broker) takes its snapshot of retained messages before it adds
        // the subscription, so a claim published in between reaches neither way; the second SUBSCRIBE, after the
        // first is in place, closes that window. The copies it brings again are dropped by seq or change nothing.
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"{_topics.Prefix}/beds/+/+", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{_topics.Prefix}/monitors/+/+", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.SubscribeAsync(subscribe, ct).ConfigureAwait(false);
        await _client.SubscribeAsync(subscribe, ct).ConfigureAwait(false);
        _board.SetBrokerConnected(true);
        _logger.LogInformation("station: connected to {Host}:{Port} as {User}", _options.Host, _options.Port, _options.Username ?? "anonymous (read-only)");
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var m = e.ApplicationMessage;
        try
        {
            _board.Apply(m.Topic, m.Payload.ToArray());
        }
        catch (InvalidDataException ex)
        {
            Interlocked.Increment(ref _badPayloads);
            _logger.LogWarning("station: skipped a message on {Topic}: {Message}", m.Topic, ex.Message);
        }
        return Task.CompletedTask;
    }
}
