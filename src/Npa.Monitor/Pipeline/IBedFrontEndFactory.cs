using Npa.Monitor.Configuration;

namespace Npa.Monitor.Pipeline;

/// <summary>Builds the capture chain of one bed from its configuration.</summary>
public interface IBedFrontEndFactory
{
    /// <summary>Builds the chain; throws <see cref="ArgumentException"/> with a readable message for a source it cannot open.</summary>
    IBedFrontEnd Create(BedOptions bed, BedCounters counters);
}
