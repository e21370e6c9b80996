using System.Globalization;
using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Shared.Messages;

namespace Npa.Monitor.Alarms;

/// <summary>
/// The nurses' commands for this monitor's beds (ack, silence N minutes, hold during care, resume), timed on the
/// monitor's own clock (the injected scheduler, virtual in tests) so that a hold or silence ends by itself whatever
/// the station's clock says. Every command is audited: logged with who and when, and kept in <see cref="Audit"/>.
/// Thread-safe: commands arrive from MQTT, reads come from each bed's aggregator.
/// </summary>
public sealed class BedAlarmControls
{
    private const int AuditLength = 200;
    private readonly IScheduler _clock;
    private readonly ILogger _logger;
    private readonly HashSet<string> _beds;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AlarmControl> _controls = new(StringComparer.Ordinal);
    private readonly Queue<AlarmAuditEntry> _audit = new();

    /// <summary>Controls for <paramref name="beds"/>, on <paramref name="clock"/>.</summary>
    public BedAlarmControls(IEnumerable<string> beds, IScheduler clock, ILogger<BedAlarmControls>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(beds);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _beds = beds.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The beds this monitor owns (commands for others are not its business).</summary>
    public IReadOnlySet<string> Beds => _beds;

    /// <summary>The latest commands, oldest first.</summary>
    public IReadOnlyList<AlarmAuditEntry> Audit
    {
        get
        {
            lock (_gate) return [.. _audit];
        }
    }

    /// <summary>
    /// Takes one command for <paramref name="bedId"/> (from its topic) and returns the audit entry; a command that
    /// does not fit (another bed in the payload, minutes out of range) is refused, audited and changes nothing.
    /// </summary>
    public AlarmAuditEntry Apply(string bedId, BedCommandKind kind, BedCommandMessage command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _clock.Now;
        lock (_gate)
        {
            var entry = Decide(bedId, kind, command, now);
            _audit.Enqueue(entry);
            while (_audit.Count > AuditLength) _audit.Dequeue();
            if (entry.Outcome.StartsWith("refused", StringComparison.Ordinal))
                _logger.LogWarning("bed {Bed}: {Command} from {By} {Outcome}", bedId, kind, command.By, entry.Outcome);
            else
                _logger.LogInformation("bed {Bed}: {Command} by {By} at {Time:o}: {Outcome}", bedId, kind, command.By, now, entry.Outcome);
            return entry;
        }
    }

    /// <summary>The bed's controls at <paramref name="now"/> (expired parts gone, their end logged once); null when none.</summary>
    public AlarmControl? For(string bedId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_controls.TryGetValue(bedId, out var c)) return null;
            var live = c;
            if (c.HoldUntil is { } hold && now >= hold)
            {
                live = live with { HoldUntil = null };
                _logger.LogInformation("bed {Bed}: hold by {By} ended by itself at {Until:o}", bedId, c.By, hold);
            }
            if (c.SilencedUntil is { } silence && now >= silence)
            {
                live = live with { SilencedUntil = null };
                _logger.LogInformation("bed {Bed}: silence by {By} ended by itself at {Until:o}", bedId, c.By, silence);
            }
            if (live.HoldUntil is null && live.SilencedUntil is null) live = live with { By = null };
            return Store(bedId, live);
        }
    }

    /// <summary>Forgets an acknowledgement once its episode is over (the next episode must be acknowledged again).</summary>
    public void EpisodeEnded(string bedId, string episodeId)
    {
        lock (_gate)
        {
            if (_controls.TryGetValue(bedId, out var c) && c.Acknowledges(episodeId))
                Store(bedId, c with { AcknowledgedEpisodeId = null, AcknowledgedBy = null });
        }
    }

    private AlarmAuditEntry Decide(string bedId, BedCommandKind kind, BedCommandMessage command, DateTimeOffset now)
    {
        AlarmAuditEntry Entry(string outcome, DateTimeOffset? until = null) => new(now, bedId, kind, command.By, command.Minutes, until, outcome);
        if (!_beds.Contains(bedId)) return Entry("refused: not a bed of this monitor");
        if (command.BedId != bedId) return Entry($"refused: the payload is for bed '{command.BedId}'");
        if (string.IsNullOrWhiteSpace(command.By)) return Entry("refused: it does not say who sent it");
        var current = _controls.GetValueOrDefault(bedId) ?? new AlarmControl(null, null, null, null, null);
        switch (kind)
        {
            case BedCommandKind.Acknowledge:
                if (string.IsNullOrEmpty(command.EpisodeId)) return Entry("refused: an ack names the episode");
                Store(bedId, current with { AcknowledgedEpisodeId = command.EpisodeId, AcknowledgedBy = command.By });
                return Entry($"episode {command.EpisodeId} acknowledged");
            case BedCommandKind.Silence or BedCommandKind.Hold:
                if (command.Minutes is not (>= 1 and <= BedCommandMessage.MaxMinutes) || command.Minutes is not int minutes)
                    return Entry($"refused: minutes must be 1 to {BedCommandMessage.MaxMinutes}, not {command.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "missing"}");
                var until = now.AddMinutes(minutes);
                Store(bedId, kind == BedCommandKind.Hold
                    ? current with { HoldUntil = until, By = command.By }
                    : current with { SilencedUntil = until, By = command.By });
                return Entry($"{(kind == BedCommandKind.Hold ? "hold" : "silence")} until {until.UtcDateTime:HH:mm:ss}Z", until);
            case BedCommandKind.Resume:
                Store(bedId, current with { HoldUntil = null, SilencedUntil = null, By = null });
                return Entry("alarms resumed");
            default:
                return Entry($"refused: unknown command {kind}");
        }
    }

    private AlarmControl? Store(string bedId, AlarmControl control)
    {
        if (control is { HoldUntil: null, SilencedUntil: null, AcknowledgedEpisodeId: null })
        {
            _controls.Remove(bedId);
            return null;
        }
        _controls[bedId] = control;
        return control;
    }
}
