using System.Text.Json;
using System.Threading.Channels;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Web;

/// <summary>
/// Latest state and recent score history of every bed, fanned out to dashboard event streams (SSE). Keeps no
/// images: crops never reach the page.
/// </summary>
public sealed class BedStateHub : IBedOutput
{
    private const int RecentAlertCount = 50;
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _beds = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<Channel<string>> _subscribers = [];
    private readonly LinkedList<AlertView> _alerts = new();
    private readonly TimeSpan _history;

    public BedStateHub(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _history = TimeSpan.FromMinutes(options.HistoryMinutes);
    }

    /// <summary>Every bed now, in configuration order, optionally with its sparkline history.</summary>
    public IReadOnlyList<BedView> Beds(bool withHistory)
    {
        lock (_lock)
            return _order.Select(id => View(_beds[id], withHistory)).ToList();
    }

    /// <summary>The latest alert events, newest first.</summary>
    public IReadOnlyList<AlertView> RecentAlerts()
    {
        lock (_lock) return _alerts.ToList();
    }

    /// <summary>Number of open event streams.</summary>
    public int SubscriberCount
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    /// <summary>Opens an event stream: a <c>snapshot</c> event now, then <c>bed</c> and <c>alert</c> events as they happen.</summary>
    public HubSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            var snapshot = _order.Select(id => View(_beds[id], true)).ToList();
            channel.Writer.TryWrite(Frame("snapshot", new { beds = snapshot, alerts = _alerts.Take(10), historyMinutes = _history.TotalMinutes }));
            _subscribers.Add(channel);
        }
        return new HubSubscription(channel.Reader, () =>
        {
            lock (_lock) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
    }

    public ValueTask OnAssessedAsync(AssessedFrame assessed, CancellationToken ct = default) => ValueTask.CompletedTask;

    public void OnUpdate(BedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var s = update.Snapshot;
        lock (_lock)
        {
            if (!_beds.TryGetValue(s.BedId, out var entry))
            {
                entry = new Entry(s);
                _beds.Add(s.BedId, entry);
                _order.Add(s.BedId);
            }
            bool newPoint = s.AssessedCount != entry.Snapshot.AssessedCount || (s.Score is null && entry.Snapshot.Score is not null);
            bool changed = update.StateChanged || newPoint || update.Events.Count > 0;
            entry.Snapshot = s;
            HistoryPoint? point = null;
            if (newPoint)
            {
                point = new HistoryPoint(s.Time.ToUnixTimeMilliseconds(), s.Score);
                entry.History.Enqueue(point);
                long oldest = (s.Time - _history).ToUnixTimeMilliseconds();
                while (entry.History.Count > 0 && entry.History.Peek().T < oldest) entry.History.Dequeue();
            }
            if (!changed) return;
            Broadcast(Frame("bed", BedView.From(s) with { History = point is null ? [] : [point] }));
            foreach (var e in update.Events)
            {
                var alert = AlertView.From(e);
                _alerts.AddFirst(alert);
                if (_alerts.Count > RecentAlertCount) _alerts.RemoveLast();
                Broadcast(Frame("alert", alert));
            }
        }
    }

    private void Broadcast(string frame)
    {
        foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(frame);
    }

    private static BedView View(Entry e, bool withHistory) =>
        BedView.From(e.Snapshot) with { History = withHistory ? e.History.ToList() : null };

    private static string Frame<T>(string eventName, T payload) =>
        $"event: {eventName}\ndata: {JsonSerializer.Serialize(payload, WebJson.Options)}\n\n";

    private sealed class Entry(BedSnapshot snapshot)
    {
        public BedSnapshot Snapshot { get; set; } = snapshot;
        public Queue<HistoryPoint> History { get; } = new();
    }
}
