using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Tests.Support;

/// <summary>Test factory: one scripted front end per bed, or a readable failure for beds listed as broken.</summary>
internal sealed class ScriptedFrontEndFactory(FakeEngine engine) : IBedFrontEndFactory
{
    private readonly Dictionary<string, ScriptedFrontEnd> _created = [];

    public Dictionary<string, string> Broken { get; } = [];

    /// <summary>Beds whose front end was created (their camera started).</summary>
    public int CreatedCount
    {
        get { lock (_created) return _created.Count; }
    }

    public ScriptedFrontEnd this[string bedId]
    {
        get { lock (_created) return _created[bedId]; }
    }

    public IBedFrontEnd Create(BedOptions bed, BedCounters counters, ModelHolder models)
    {
        if (Broken.TryGetValue(bed.Id, out var reason)) throw new ArgumentException(reason);
        var frontEnd = new ScriptedFrontEnd(bed.Id, engine);
        lock (_created) _created[bed.Id] = frontEnd;
        return frontEnd;
    }
}
