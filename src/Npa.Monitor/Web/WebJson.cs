using System.Text.Json.Serialization;
using System.Text.Json;

namespace Npa.Monitor.Web;

/// <summary>JSON settings of the web API and the event stream.</summary>
public static class WebJson
{
    /// <summary>camelCase, nulls left out (the page reads a missing field as null).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
