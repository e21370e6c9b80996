using Npa.Capture.Frames;
using Npa.Monitor.Alarms;
using Npa.Monitor.Configuration;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Aggregation;

/// <summary>
/// One bed's assessment state: smoothing, category band, no-face / low-quality / unreadable states and the alert machine.
/// Not thread-safe; feed it from one sequence (see <see cref="BedAggregation"/>).
/// </summary>
public sealed class BedAggregator
{
    private readonly string _bedId;
    private readonly BedAlarmControls? _alarms;
    private readonly IScoreSmoother _smoother;
    private readonly AlertStateMachine _alerts;
    private readonly TimeSpan _noFaceAfter;
    private readonly ReadingGate _gate;
    private BedSnapshot _state;
    private DateTimeOffset _now;
    private DateTimeOffset? _lastAssessedAt;
    private FaceState _lastFailure = FaceState.NoFace;

    /// <param name="alarms">Nurses' commands (hold, silence, ack) for this monitor's beds; null: none are taken.</param>
    public BedAggregator(string bedId, AlertsOptions options, DateTimeOffset start, CameraStatus camera = CameraStatus.Offline, BedAlarmControls? alarms = null)
    {
        _bedId = bedId;
        _alarms = alarms;
        ArgumentNullException.ThrowIfNull(options);
        _smoother = options.Smoothing == SmoothingMethod.Median
            ? new MedianSmoother(options.MedianWindow)
            : new EmaSmoother(options.EmaHalfLifeSeconds);
        _alerts = new AlertStateMachine(bedId, options);
        _noFaceAfter = TimeSpan.FromSeconds(options.NoFaceAfterSeconds);
        _gate = ReadingGate.From(options);
        _now = start;
        _state = new BedSnapshot(bedId, start, null, null, null, start, null, null, FaceState.Unknown, camera, null, null, null, 0);
    }

    /// <summary>The bed's state now.</summary>
    public BedSnapshot Current => _state;

    /// <summary>Applies one observation; times earlier than the last one are treated as the last one.</summary>
    public BedUpdate Apply(BedObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Time > _now) _now = observation.Time;
        var before = _state;
        var next = observation.Kind switch
        {
            ObservationKind.Assessed => Assessed(observation),
            ObservationKind.NoFace => NotAssessable(FaceState.NoFace),
            ObservationKind.LowQuality => NotAssessable(FaceState.LowQuality),
            ObservationKind.Camera => CameraChanged(observation),
            _ => NotAssessable(null),
        };
        var control = _alarms?.For(_bedId, _now);
        var events = _alerts.Update(_now, next.Score, control);
        foreach (var ended in events.Where(e => e.Kind == AlertEventKind.End)) _alarms?.EpisodeEnded(_bedId, ended.EpisodeId);
        if (events.Count > 0 && _alarms is not null) control = _alarms.For(_bedId, _now);
        next = next with { Time = _now, Episode = _alerts.Active, Alarm = control };
        if (next.Category != before.Category) next = next with { Since = _now };
        _state = next;
        bool changed = events.Count > 0 || next.Category != before.Category || next.Face != before.Face
            || next.Camera != before.Camera || next.Episode?.EpisodeId != before.Episode?.EpisodeId || next.Alarm != before.Alarm;
        return new BedUpdate(next, events, changed);
    }

    /// <summary>Ends a running episode because the service stops.</summary>
    public AlertEvent? Stop() => _alerts.Stop(_now);

    private BedSnapshot Assessed(BedObservation o)
    {
        var r = o.Result ?? throw new ArgumentException("an Assessed observation needs a result", nameof(o));
        if (_gate.IsLowConfidence(r))
        {
            // Counted as an assessment (the model ran), but it moves neither the score nor the alerts.
            _state = _state with { AssessedCount = _state.AssessedCount + 1, ModelId = r.ModelId };
            return NotAssessable(FaceState.Unreadable);
        }
        double smoothed = _smoother.Add(_now, r.ExpectedScore);
        _lastAssessedAt = _now;
        return _state with
        {
            Score = smoothed,
            RawScore = r.ExpectedScore,
            Category = NipsScale.CategoryOf(smoothed),
            Uncertainty = 1 - r.AlphaFused,
            Confidence = r.Confidence,
            Face = FaceState.Visible,
            ModelId = r.ModelId,
            AssessedCount = _state.AssessedCount + 1,
        };
    }

    // Short dropouts (a hand over the face, one blurred frame) keep the last score; only a lasting loss clears it.
    private BedSnapshot NotAssessable(FaceState? failure)
    {
        if (failure is { } f) _lastFailure = f;
        bool frameArrived = failure is not null;
        var state = _state;
        bool lost = _lastAssessedAt is not { } last || _now - last >= _noFaceAfter;
        if (!lost || (!frameArrived && state.Face != FaceState.Visible)) return state;
        _smoother.Reset();
        var face = state.Camera == CameraStatus.Online ? _lastFailure : FaceState.Unknown;
        return state with { Score = null, Category = null, Uncertainty = null, Confidence = null, Face = face };
    }

    private BedSnapshot CameraChanged(BedObservation o)
    {
        var status = o.Camera ?? throw new ArgumentException("a Camera observation needs a status", nameof(o));
        if (status == CameraStatus.Online) return _state with { Camera = status, CameraDetail = null };
        _smoother.Reset();
        _lastAssessedAt = null;
        return _state with { Camera = status, CameraDetail = o.Detail, Score = null, Category = null, Uncertainty = null, Confidence = null, Face = FaceState.Unknown };
    }
}
