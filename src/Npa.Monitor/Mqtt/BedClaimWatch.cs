using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// This instance's bed claim and the other instances' claims it has seen: a bed that another instance claims too is
/// a conflict (two monitors would publish states and alerts for one bed, and a nurse could not trust either).
/// Thread-safe.
/// </summary>
public sealed class BedClaimWatch
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlySet<string>> _others = new(StringComparer.Ordinal);
    private IReadOnlyList<BedConflict> _conflicts = [];

    /// <summary>A watch for <paramref name="instanceId"/>, which owns <paramref name="beds"/>.</summary>
    public BedClaimWatch(string instanceId, IEnumerable<string> beds)
    {
        MonitorInstanceId.Validate(instanceId);
        ArgumentNullException.ThrowIfNull(beds);
        InstanceId = instanceId;
        Beds = beds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>This instance.</summary>
    public string InstanceId { get; }

    /// <summary>The beds it claims, in ordinal order.</summary>
    public IReadOnlyList<string> Beds { get; }

    /// <summary>The beds another instance claims too, in ordinal order of bed id.</summary>
    public IReadOnlyList<BedConflict> Conflicts
    {
        get
        {
            lock (_gate) return _conflicts;
        }
    }

    /// <summary>This instance's claim.</summary>
    public BedClaimMessage Claim(long seq, DateTimeOffset time) => new() { MonitorId = InstanceId, Seq = seq, Time = time, Beds = Beds };

    /// <summary>
    /// Records what <paramref name="instanceId"/> claims now (null: nothing, its claim was cleared) and returns the
    /// conflicts that are new since the last call (empty when none); <paramref name="changed"/> says whether the set
    /// changed at all (a conflict may also have gone).
    /// </summary>
    public IReadOnlyList<BedConflict> Observe(string instanceId, IReadOnlyList<string>? beds, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        changed = false;
        if (instanceId == InstanceId) return [];
        lock (_gate)
        {
            if (beds is null || beds.Count == 0) _others.Remove(instanceId);
            else _others[instanceId] = beds.ToHashSet(StringComparer.Ordinal);
            var before = _conflicts;
            _conflicts = Compute();
            changed = !before.SequenceEqual(_conflicts);
            return _conflicts.Where(c => !before.Any(b => b.BedId == c.BedId && c.ClaimedBy.All(b.ClaimedBy.Contains))).ToList();
        }
    }

    private List<BedConflict> Compute() =>
        Beds.Select(bed => new BedConflict
            {
                BedId = bed,
                ClaimedBy = _others.Where(o => o.Value.Contains(bed)).Select(o => o.Key).Order(StringComparer.Ordinal).ToList(),
            })
            .Where(c => c.ClaimedBy.Count > 0)
            .ToList();
}
