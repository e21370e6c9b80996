using System.Text;
using Npa.Monitor.Web;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Station;

/// <summary>Taking in one MQTT message.</summary>
public sealed partial class WardBoard
{
    /// <summary>
    /// Takes one message from the broker. False for a topic the board does not follow; throws
    /// <see cref="InvalidDataException"/> for a payload that is not what its topic carries.
    /// </summary>
    public bool Apply(string topic, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_topics.TryParseMonitorTopic(topic, out string monitor, out var monitorKind))
        {
            lock (_lock) ApplyMonitor(monitor, monitorKind, payload);
            return true;
        }
        if (!_topics.TryParseBedTopic(topic, out string bed, out var bedKind)) return false;
        // An empty retained message clears the topic; there is nothing to show for it.
        if (payload.IsEmpty) return true;
        lock (_lock) ApplyBed(bed, bedKind, payload);
        return true;
    }

    private void ApplyMonitor(string id, MonitorTopicKind kind, ReadOnlySpan<byte> payload)
    {
        if (!_monitors.TryGetValue(id, out var m)) _monitors[id] = m = new MonitorEntry(id);
        var touched = new HashSet<string>(m.Beds, StringComparer.Ordinal);
        switch (kind)
        {
            case MonitorTopicKind.Available:
                string text = Encoding.UTF8.GetString(payload).Trim();
                m.State = text is Availability.Online or Availability.Offline or Availability.Stopped ? text : "unknown";
                break;
            case MonitorTopicKind.Claim when !payload.IsEmpty:
                // An empty claim is a clean stop: its beds are kept, so that they show stale rather than vanish.
                var claim = MqttJson.Deserialize<BedClaimMessage>(payload);
                m.Beds = [.. claim.Beds.Where(MqttTopics.IsValidBedId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                foreach (string bed in m.Beds)
                {
                    touched.Add(bed);
                    if (!_beds.ContainsKey(bed)) _beds[bed] = new WardBedEntry(bed);
                }
                break;
            case MonitorTopicKind.Model when !payload.IsEmpty:
                m.ModelId = MqttJson.Deserialize<ModelMessage>(payload).ModelId;
                break;
            default:
                return;
        }
        Broadcast("monitor", m.View());
        foreach (string bed in touched)
            if (_beds.TryGetValue(bed, out var e)) Broadcast("bed", View(e, []));
    }

    private void ApplyBed(string bed, BedTopicKind kind, ReadOnlySpan<byte> payload)
    {
        // The payload is read before the bed is created: a bad one must not leave an empty tile behind.
        WardBedEntry Entry() => _beds.TryGetValue(bed, out var found) ? found : _beds[bed] = new WardBedEntry(bed);
        WardBedEntry e;
        WardPoint? point = null;
        switch (kind)
        {
            case BedTopicKind.State:
                var state = Checked(MqttJson.Deserialize<BedStateMessage>(payload), bed, m => m.BedId);
                e = Entry();
                // Seq rises across restarts; a lower or equal one is a redelivery (at least once) or an old retained copy.
                if (e.State is { } old && state.Seq <= old.Seq) return;
                e.State = state;
                e.UpdatedAt = Later(e.UpdatedAt, state.Time);
                break;
            case BedTopicKind.Status:
                var status = Checked(MqttJson.Deserialize<BedStatusMessage>(payload), bed, m => m.BedId);
                e = Entry();
                if (e.Status is { } previous && status.Seq <= previous.Seq) return;
                e.Status = status;
                break;
            case BedTopicKind.Alert:
                var alert = Checked(MqttJson.Deserialize<AlertEventMessage>(payload), bed, m => m.BedId);
                e = Entry();
                if (e.Alert is { } last && alert.Seq <= last.Seq) return;
                e.Alert = alert;
                var view = new WardAlertView(alert.Time, bed, WireNames.Of(alert.Event), NipsScale.WireName(alert.Category), alert.PeakScore, alert.Reason, alert.EpisodeId);
                _alerts.AddFirst(view);
                if (_alerts.Count > RecentAlertCount) _alerts.RemoveLast();
                Broadcast("alert", view);
                break;
            case BedTopicKind.Assessment:
                var a = Checked(MqttJson.Deserialize<AssessmentMessage>(payload), bed, m => m.BedId);
                e = Entry();
                e.ModelId = a.ModelId;
                e.UpdatedAt = Later(e.UpdatedAt, a.Time);
                point = AddPoint(e, a);
                // A chart needs about one point a second; the rest would only load the pages.
                if (point is null) return;
                break;
            default:
                return;
        }
        Broadcast("bed", View(e, point is null ? [] : [point]));
    }

    private WardPoint? AddPoint(WardBedEntry e, AssessmentMessage a)
    {
        long t = a.Time.ToUnixTimeMilliseconds();
        if (e.History.Count > 0 && t - e.LastPointT < PointSpacing.TotalMilliseconds) return null;
        var point = new WardPoint(t, a.Score, a.LowConfidence ? true : null);
        e.History.Enqueue(point);
        e.LastPointT = t;
        long oldest = t - (long)_history.TotalMilliseconds;
        while (e.History.Count > 0 && e.History.Peek().T < oldest) e.History.Dequeue();
        return point;
    }

    private static T Checked<T>(T message, string bed, Func<T, string> bedOf) =>
        bedOf(message) == bed ? message : throw new InvalidDataException($"the payload is for bed '{bedOf(message)}', the topic for '{bed}'");

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
