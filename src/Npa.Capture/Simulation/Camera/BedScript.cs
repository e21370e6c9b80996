using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Nips;

namespace Npa.Capture.Simulation.Camera;

/// <summary>The scripted timeline of one simulated bed: segments in order, plus occlusion events and camera dropouts.</summary>
public sealed record BedScript
{
    public required string BedId { get; init; }

    /// <summary>Seeds the neonate's appearance, the camera placement and every frame's details.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Start over at the end instead of completing (the monitor's embedded default loops).</summary>
    public bool Loop { get; init; }

    public required IReadOnlyList<ScriptSegment> Segments { get; init; }

    public IReadOnlyList<ScriptOcclusion> Occlusions { get; init; } = [];

    public IReadOnlyList<ScriptDropout> Dropouts { get; init; } = [];

    /// <summary>Length of one pass through the segments.</summary>
    public TimeSpan Duration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>
    /// One pain episode: rest, a heel-lance procedure, peak pain, recovery, and a pacifier. No camera dropout: a new user
    /// takes a staged fault for a bug (configs/sim/dropout-example.json shows one).
    /// </summary>
    public static BedScript Default(string bedId, int seed = 1) => new()
    {
        BedId = bedId,
        Seed = seed,
        Loop = true,
        Segments =
        [
            new ScriptSegment("rest", TimeSpan.FromSeconds(20), 0, 1),
            new ScriptSegment("procedure", TimeSpan.FromSeconds(10), 2, 4),
            new ScriptSegment("peak pain", TimeSpan.FromSeconds(15), 6, 7),
            new ScriptSegment("recovery", TimeSpan.FromSeconds(20), 5, 1),
        ],
        Occlusions = [new ScriptOcclusion(TimeSpan.FromSeconds(52), TimeSpan.FromSeconds(6), OcclusionKind.Pacifier)],
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BedId)) throw new ArgumentException("bed script: bedId is empty");
        if (Segments is null || Segments.Count == 0) throw new ArgumentException($"bed script {BedId}: needs at least one segment");
        for (int i = 0; i < Segments.Count; i++)
        {
            var s = Segments[i] ?? throw new ArgumentException($"bed script {BedId}: segment {i} is null");
            if (s.Duration <= TimeSpan.Zero) throw new ArgumentException($"bed script {BedId}: segment {i} ('{s.Name}') has duration {s.Duration}; it must be positive");
            if (!NipsScale.IsValidScore(s.NipsFrom) || !NipsScale.IsValidScore(s.NipsTo))
                throw new ArgumentException($"bed script {BedId}: segment {i} ('{s.Name}') NIPS {s.NipsFrom}->{s.NipsTo} outside 0..{NipsScale.MaxScore}");
        }
        if (Occlusions is null || Dropouts is null) throw new ArgumentException($"bed script {BedId}: occlusions and dropouts must be lists (empty when unused), not null");
        // A JSON "occlusions": [null] binds a null element; name it rather than fail on it below.
        if (Occlusions.Any(o => o is null)) throw new ArgumentException($"bed script {BedId}: occlusion {Occlusions.ToList().IndexOf(null!)} is null");
        if (Dropouts.Any(d => d is null)) throw new ArgumentException($"bed script {BedId}: dropout {Dropouts.ToList().IndexOf(null!)} is null");
        var total = Duration;
        foreach (var o in Occlusions)
        {
            CheckWindow(o.Start, o.Duration, total, $"occlusion {o.Kind}");
            if (o.Kind == OcclusionKind.None) throw new ArgumentException($"bed script {BedId}: occlusion at {o.Start} has kind None");
        }
        foreach (var d in Dropouts) CheckWindow(d.Start, d.Duration, total, "dropout");
    }

    private void CheckWindow(TimeSpan start, TimeSpan duration, TimeSpan total, string what)
    {
        if (start < TimeSpan.Zero || duration <= TimeSpan.Zero || start + duration > total)
            throw new ArgumentException($"bed script {BedId}: {what} at {start} for {duration} must lie within the script's {total}");
    }

    /// <summary>The script's state at an offset from its start (wrapped when looping; the last instant holds past the end).</summary>
    public TimelineState StateAt(TimeSpan offset)
    {
        var total = Duration;
        if (offset < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must not be negative");
        if (Loop) offset = TimeSpan.FromTicks(offset.Ticks % total.Ticks);
        else if (offset >= total) offset = total - TimeSpan.FromTicks(1);
        var at = TimeSpan.Zero;
        var segment = Segments[^1];
        foreach (var s in Segments)
        {
            if (offset < at + s.Duration) { segment = s; break; }
            at += s.Duration;
        }
        double t = Math.Clamp((offset - at) / segment.Duration, 0, 1);
        int nips = (int)Math.Round(segment.NipsFrom + (segment.NipsTo - segment.NipsFrom) * t, MidpointRounding.AwayFromZero);
        var occlusion = Occlusions.FirstOrDefault(o => offset >= o.Start && offset < o.Start + o.Duration)?.Kind ?? OcclusionKind.None;
        bool online = !Dropouts.Any(d => offset >= d.Start && offset < d.Start + d.Duration);
        return new TimelineState(segment.Name, nips, occlusion, online);
    }
}
