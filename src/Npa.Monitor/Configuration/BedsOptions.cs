using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Npa.Monitor.Configuration;

/// <summary>The <c>Beds</c> section: a JSON array of beds.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "One options class per config section, named after the section.")]
public sealed class BedsOptions : Collection<BedOptions>
{
    /// <summary>Config section name.</summary>
    public const string Section = "Beds";
}
