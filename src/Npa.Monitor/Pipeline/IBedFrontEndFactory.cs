using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;

namespace Npa.Monitor.Pipeline;

/// <summary>Builds the capture chain of one bed from its configuration.</summary>
public interface IBedFrontEndFactory
{
    /// <summary>
    /// Builds the chain; crops are preprocessed with the spec of <paramref name="models"/>' current model. Throws
    /// <see cref="ArgumentException"/> with a readable message for a camera it cannot open.
    /// </summary>
    IBedFrontEnd Create(BedOptions bed, BedCounters counters, ModelHolder models);
}
