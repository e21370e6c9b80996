using System.Globalization;
using Npa.Monitor.Alarms;
using Npa.Monitor.Configuration;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Aggregation;

/// <summary>
/// Pain episodes from a smoothed score: start after the score holds at or above the start threshold for the sustain
/// time, end after it holds at or below the (lower) end threshold, then a cooldown before the next start.
/// </summary>
public sealed class AlertStateMachine
{
    private readonly string _bedId;
    private readonly double _start, _end;
    private readonly TimeSpan _sustain, _endSustain, _cooldown, _updateInterval, _signalLost;

    private DateTimeOffset? _armedSince;
    private double _armedPeak;
    private DateTimeOffset _cooldownUntil = DateTimeOffset.MinValue;
    private Episode? _episode;
    private long _sequence;

    public AlertStateMachine(string bedId, AlertsOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        ArgumentNullException.ThrowIfNull(options);
        _bedId = bedId;
        _start = options.StartScore;
        _end = options.EndScore;
        _sustain = TimeSpan.FromSeconds(options.SustainSeconds);
        _endSustain = TimeSpan.FromSeconds(options.EndSustainSeconds);
        _cooldown = TimeSpan.FromSeconds(options.CooldownSeconds);
        _updateInterval = TimeSpan.FromSeconds(options.UpdateIntervalSeconds);
        _signalLost = TimeSpan.FromSeconds(options.SignalLostEndSeconds);
    }

    /// <summary>The running episode, if any.</summary>
    public ActiveEpisode? Active => _episode is { } e ? new ActiveEpisode(e.Id, e.Category, e.Peak, e.StartedAt) : null;

    /// <summary>Reason of the <c>end</c> raised when a nurse puts the bed on hold during care.</summary>
    public const string HoldReason = "hold";

    /// <summary>
    /// Feeds the smoothed score at <paramref name="now"/> (null: no assessable face) and returns the events it raises.
    /// <paramref name="control"/> is what nurses asked: on hold no episode starts (a running one ends, reason
    /// <see cref="HoldReason"/>, and the score during care does not count towards the next); silenced, none starts
    /// and no reminder goes out; an acknowledged episode gets no periodic reminders.
    /// </summary>
    public IReadOnlyList<AlertEvent> Update(DateTimeOffset now, double? score, AlarmControl? control = null)
    {
        var events = new List<AlertEvent>(2);
        if (control?.IsHeld(now) == true)
        {
            if (_episode is not null) Finish(now, score, HoldReason, events);
            _armedSince = null;
            return events;
        }
        if (_episode is null) Arm(now, score, control?.IsSilenced(now) == true, events);
        else Continue(now, score, control, events);
        return events;
    }

    /// <summary>Ends a running episode because the service stops; returns the end event, if any.</summary>
    public AlertEvent? Stop(DateTimeOffset now)
    {
        if (_episode is null) return null;
        var end = Raise(AlertEventKind.End, now, null, "shutdown", now);
        _episode = null;
        return end;
    }

    private void Arm(DateTimeOffset now, double? score, bool silenced, List<AlertEvent> events)
    {
        if (score is not double s || s < _start || now < _cooldownUntil)
        {
            _armedSince = null;
            return;
        }
        if (_armedSince is null)
        {
            _armedSince = now;
            _armedPeak = s;
        }
        _armedPeak = Math.Max(_armedPeak, s);
        // Silenced: keep counting, so that pain that outlasts the silence starts an episode as soon as it ends.
        if (now - _armedSince.Value < _sustain || silenced) return;

        var startedAt = _armedSince.Value;
        string id = string.Create(CultureInfo.InvariantCulture, $"{_bedId}-{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss.fff'Z'}");
        _episode = new Episode(id, startedAt, _armedPeak, NipsScale.CategoryOf(_armedPeak)) { LastScoreAt = now, LastUpdateAt = now };
        _armedSince = null;
        events.Add(Raise(AlertEventKind.Start, now, s, "sustained", null));
    }

    private void Continue(DateTimeOffset now, double? score, AlarmControl? control, List<AlertEvent> events)
    {
        var e = _episode!;
        if (score is double s)
        {
            e.LastScoreAt = now;
            if (s > e.Peak)
            {
                e.Peak = s;
                var category = NipsScale.CategoryOf(s);
                if (category > e.Category)
                {
                    e.Category = category;
                    events.Add(Raise(AlertEventKind.Update, now, s, "category_rise", null));
                    e.LastUpdateAt = now;
                }
            }
            e.BelowSince = s <= _end ? e.BelowSince ?? now : null;
            if (e.BelowSince is { } below && now - below >= _endSustain)
            {
                Finish(now, s, "resolved", events);
                return;
            }
        }
        else if (now - e.LastScoreAt >= _signalLost)
        {
            Finish(now, null, "signal_lost", events);
            return;
        }
        bool quiet = control is not null && (control.IsSilenced(now) || control.Acknowledges(e.Id));
        if (!quiet && now - e.LastUpdateAt >= _updateInterval)
        {
            events.Add(Raise(AlertEventKind.Update, now, score, "periodic", null));
            e.LastUpdateAt = now;
        }
    }

    private void Finish(DateTimeOffset now, double? score, string reason, List<AlertEvent> events)
    {
        events.Add(Raise(AlertEventKind.End, now, score, reason, now));
        _episode = null;
        _cooldownUntil = now + _cooldown;
    }

    private AlertEvent Raise(AlertEventKind kind, DateTimeOffset now, double? score, string reason, DateTimeOffset? endedAt)
    {
        var e = _episode!;
        return new AlertEvent(_bedId, e.Id, kind, ++_sequence, e.Category, e.Peak, score, e.StartedAt, now, endedAt, reason);
    }

    private sealed class Episode(string id, DateTimeOffset startedAt, double peak, NipsCategory category)
    {
        public string Id { get; } = id;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public double Peak { get; set; } = peak;
        public NipsCategory Category { get; set; } = category;
        public DateTimeOffset LastScoreAt { get; set; }
        public DateTimeOffset LastUpdateAt { get; set; }
        public DateTimeOffset? BelowSince { get; set; }
    }
}
