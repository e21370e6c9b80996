using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation.Camera;

/// <summary>A bed script under construction: appends clinical phases with their occluders, then cuts it to length.</summary>
internal sealed class TimelinePlan(Random rng)
{
    // Respiratory support and fixation tape are worn for minutes at rest; they rotate so that every one appears.
    private static readonly OcclusionKind[] RestOccluders = [OcclusionKind.CpapMask, OcclusionKind.NasalCannula, OcclusionKind.Tape];
    private readonly List<ScriptSegment> _segments = [];
    private readonly List<ScriptOcclusion> _occlusions = [];
    private readonly List<ScriptDropout> _dropouts = [];
    private int _restOccluders;

    public TimeSpan Length { get; private set; }

    public void Rest(TimeSpan duration)
    {
        var start = Length;
        Add("rest", duration, rng.Next(2), rng.Next(2));
        if (duration >= TimeSpan.FromMinutes(2) && (_restOccluders < RestOccluders.Length || rng.NextDouble() < 0.5))
        {
            var kind = RestOccluders[_restOccluders++ % RestOccluders.Length];
            var length = TimeSpan.FromTicks((long)(duration.Ticks * (0.25 + 0.35 * rng.NextDouble())));
            Occlude(start + TimeSpan.FromTicks((long)((duration - length).Ticks * rng.NextDouble())), length, kind);
        }
    }

    /// <summary>A heel lance or cannulation: a rise to NIPS 3–4, a hold, and settling.</summary>
    public void Procedure()
    {
        int peak = 3 + rng.Next(2);
        Add("procedure", Seconds(10, 30), 1, peak);
        Add("procedure", Seconds(15, 60), peak, peak);
        Add("settling", Seconds(20, 60), peak - 1, 1);
    }

    /// <summary>A painful procedure that escalates: onset, a NIPS 6–7 peak, settling with a pacifier.</summary>
    public void SevereEpisode()
    {
        Add("procedure", Seconds(5, 15), 1, 4);
        bool rising = rng.Next(2) == 0;
        Add("severe", Seconds(20, 60), rising ? 6 : 7, rising ? 7 : 6);
        var settling = Length;
        var duration = Seconds(30, 60);
        Add("settling", duration, 5, 1);
        Occlude(settling + Seconds(5, 10), TimeSpan.FromTicks(duration.Ticks / 2), OcclusionKind.Pacifier);
    }

    /// <summary>Care (nappy change, repositioning): mild distress, a gloved hand over the face, then the face moved out of view.</summary>
    public void Handling()
    {
        var start = Length;
        var duration = Seconds(30, 90);
        Add("handling", duration, 1 + rng.Next(2), 2 + rng.Next(2));
        var hand = TimeSpan.FromTicks(duration.Ticks / 3);
        Occlude(start + Seconds(2, 5), hand, OcclusionKind.GlovedHand);
        Occlude(start + hand + Seconds(8, 12), TimeSpan.FromTicks(duration.Ticks / 4), OcclusionKind.FrameExit);
        Add("rest", Seconds(20, 40), 1, 0);
    }

    /// <summary>Camera dropouts (a cable knocked, a stream stalling): about three an hour, 2–30 s each.</summary>
    public void AddDropouts(TimeSpan duration)
    {
        int count = Math.Max(1, (int)Math.Round(duration.TotalHours * 3));
        for (int i = 0; i < count; i++)
        {
            var length = Seconds(2, 30);
            var start = TimeSpan.FromTicks((long)((duration - length).Ticks * rng.NextDouble()));
            _dropouts.Add(new ScriptDropout(TimeSpan.FromSeconds(Math.Floor(start.TotalSeconds)), length));
        }
        _dropouts.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    public BedScript Build(string bedId, int seed, TimeSpan duration)
    {
        var segments = new List<ScriptSegment>();
        var at = TimeSpan.Zero;
        foreach (var s in _segments)
        {
            if (at >= duration) break;
            var length = at + s.Duration > duration ? duration - at : s.Duration;
            segments.Add(s with { Duration = length });
            at += length;
        }
        var script = new BedScript
        {
            BedId = bedId,
            Seed = seed,
            Loop = false,
            Segments = segments,
            Occlusions = _occlusions.Where(o => o.Start < duration)
                .Select(o => o.Start + o.Duration > duration ? o with { Duration = duration - o.Start } : o).ToList(),
            Dropouts = _dropouts.Where(d => d.Start + d.Duration <= duration).ToList(),
        };
        script.Validate();
        return script;
    }

    private void Add(string name, TimeSpan duration, int from, int to)
    {
        _segments.Add(new ScriptSegment(name, duration, from, to));
        Length += duration;
    }

    private void Occlude(TimeSpan start, TimeSpan duration, OcclusionKind kind)
    {
        if (duration > TimeSpan.Zero) _occlusions.Add(new ScriptOcclusion(start, duration, kind));
    }

    private TimeSpan Seconds(double min, double max) => ClinicalTimelineGenerator.Seconds(rng, min, max);
}
