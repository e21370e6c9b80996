using System.Text.Json;
using System.Threading.Channels;
using Npa.Monitor.Web;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Station;

/// <summary>
/// Every bed of every monitor on the broker, built from their topics alone (claims, availability, state, status,
/// alerts, assessments), fanned out to ward pages as SSE frames. A bed is keyed by its id, so it shows once however
/// many messages name it; a bed whose monitor's Last Will said offline is stale. Thread-safe: MQTT writes, pages read.
/// </summary>
public sealed partial class WardBoard
{
    private const int RecentAlertCount = 50;
    private static readonly TimeSpan PointSpacing = TimeSpan.FromSeconds(1);
    private readonly MqttTopics _topics;
    private readonly TimeSpan _history;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WardBedEntry> _beds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MonitorEntry> _monitors = new(StringComparer.Ordinal);
    private readonly LinkedList<WardAlertView> _alerts = new();
    private readonly List<Channel<string>> _subscribers = [];
    private bool _brokerConnected;

    /// <summary>A board for topics under <paramref name="topics"/>, keeping <paramref name="history"/> of chart points per bed.</summary>
    public WardBoard(MqttTopics topics, TimeSpan history)
    {
        _topics = topics ?? throw new ArgumentNullException(nameof(topics));
        if (history <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(history), history, "must be positive");
        _history = history;
    }

    /// <summary>Every bed in the ward's order (<see cref="WardSeverity"/>), with history when asked.</summary>
    public IReadOnlyList<WardBedView> Beds(bool withHistory = false)
    {
        lock (_lock) return WardSeverity.Order(_beds.Values.Select(e => View(e, withHistory ? [.. e.History] : null)));
    }

    /// <summary>Every monitor instance heard of, by id.</summary>
    public IReadOnlyList<WardMonitorView> Monitors()
    {
        lock (_lock) return [.. _monitors.Values.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => m.View())];
    }

    /// <summary>The latest alert events, newest first.</summary>
    public IReadOnlyList<WardAlertView> RecentAlerts()
    {
        lock (_lock) return [.. _alerts];
    }

    /// <summary>The bed's running episode id, or null (also for an unknown bed).</summary>
    public string? RunningEpisode(string bed)
    {
        lock (_lock) return _beds.TryGetValue(bed, out var e) ? e.Episode()?.Id : null;
    }

    /// <summary>Whether any monitor has said anything about <paramref name="bed"/>.</summary>
    public bool Knows(string bed)
    {
        lock (_lock) return _beds.ContainsKey(bed);
    }

    /// <summary>Whether the station's own link to the broker is up.</summary>
    public bool BrokerConnected
    {
        get { lock (_lock) return _brokerConnected; }
    }

    /// <summary>Records the station's link to the broker going up or down (pages show it).</summary>
    public void SetBrokerConnected(bool connected)
    {
        lock (_lock)
        {
            if (_brokerConnected == connected) return;
            _brokerConnected = connected;
            Broadcast("link", new { connected });
        }
    }

    /// <summary>Opens an event stream: a <c>snapshot</c> now, then <c>bed</c>, <c>monitor</c>, <c>alert</c> and <c>link</c> events.</summary>
    public HubSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            channel.Writer.TryWrite(Frame("snapshot", new
            {
                beds = WardSeverity.Order(_beds.Values.Select(e => View(e, [.. e.History]))),
                monitors = _monitors.Values.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => m.View()),
                alerts = _alerts.Take(20),
                historyMinutes = _history.TotalMinutes,
                connected = _brokerConnected,
            }));
            _subscribers.Add(channel);
        }
        return new HubSubscription(channel.Reader, () =>
        {
            lock (_lock) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
    }

    private WardBedView View(WardBedEntry e, IReadOnlyList<WardPoint>? history)
    {
        var owners = _monitors.Values.Where(m => m.Beds.Contains(e.Bed)).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        // With two claimants, the one online speaks for the bed; a claim is a fault either way, and the tile says so.
        var owner = owners.Select(id => _monitors[id]).OrderByDescending(m => m.State == Availability.Online).FirstOrDefault();
        string monitorState = owner?.State ?? "unclaimed";
        bool stale = monitorState != Availability.Online;
        var s = e.State;
        var episode = e.Episode();
        string? category = s?.Category is { } c ? NipsScale.WireName(c) : null;
        string? camera = e.Status is { } st ? WireName(st.Status) : s is not null ? WireName(s.CameraStatus) : null;
        return new WardBedView
        {
            Bed = e.Bed,
            Monitor = owner?.Id,
            ClaimedBy = owners.Count > 1 ? owners : null,
            MonitorState = monitorState,
            Stale = stale,
            // A running episode ranks by its own band (its peak), not by where the score stands this second.
            Rank = WardSeverity.Rank(stale, episode?.Category ?? category, episode is not null, camera),
            Score = s?.SmoothedScore,
            Category = category,
            Since = s?.Since,
            FaceVisible = s?.FaceVisible,
            Camera = camera,
            CameraDetail = e.Status?.Detail,
            Episode = episode,
            HoldUntil = s?.HoldUntil,
            SilencedUntil = s?.SilencedUntil,
            AlarmBy = s?.AlarmBy,
            AcknowledgedBy = s?.AcknowledgedBy,
            ModelId = e.ModelId ?? owner?.ModelId,
            UpdatedAt = e.UpdatedAt,
            History = history,
        };
    }

    private static string WireName(BedStatus status) => status switch
    {
        BedStatus.Online => "online",
        BedStatus.Offline => "offline",
        BedStatus.NoFace => "no_face",
        BedStatus.Disabled => "disabled",
        _ => "unknown",
    };

    private void Broadcast<T>(string eventName, T payload)
    {
        string frame = Frame(eventName, payload);
        foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(frame);
    }

    private static string Frame<T>(string eventName, T payload) =>
        $"event: {eventName}\ndata: {JsonSerializer.Serialize(payload, WebJson.Options)}\n\n";

    private sealed class MonitorEntry(string id)
    {
        public string Id { get; } = id;
        public string State { get; set; } = "unknown";
        public IReadOnlyList<string> Beds { get; set; } = [];
        public string? ModelId { get; set; }

        public WardMonitorView View() => new(Id, State, Beds, ModelId);
    }
}
