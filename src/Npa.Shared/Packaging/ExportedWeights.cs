using System.Text.Json.Serialization;

namespace Npa.Shared.Packaging;

/// <summary>Which weights of a training run a package holds: whichever validated better.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportedWeights>))]
public enum ExportedWeights
{
    /// <summary>The trained networks themselves.</summary>
    [JsonStringEnumMemberName("student")]
    Student,

    /// <summary>Their EMA teachers (Eq. 8).</summary>
    [JsonStringEnumMemberName("teacher")]
    Teacher,
}
