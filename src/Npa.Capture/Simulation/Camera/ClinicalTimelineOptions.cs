namespace Npa.Capture.Simulation.Camera;

/// <summary>What <see cref="ClinicalTimelineGenerator"/> makes: how many beds, how long each, from which seed.</summary>
public sealed record ClinicalTimelineOptions
{
    /// <summary>Script length of every bed.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Number of beds, named <c>bed-1</c> … <c>bed-N</c>.</summary>
    public int Beds { get; init; } = 1;

    /// <summary>Seeds the timelines and each bed's neonate; the same seed gives the same scripts.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Readable problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Duration < TimeSpan.FromMinutes(1) || Duration > TimeSpan.FromHours(72))
            yield return $"timeline duration {Duration} must be 1 minute to 72 hours";
        if (Beds is < 1 or > 64) yield return $"bed count {Beds} must be 1..64";
    }
}
