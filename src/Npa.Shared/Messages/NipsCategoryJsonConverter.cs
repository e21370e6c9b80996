using System.Text.Json;
using System.Text.Json.Serialization;
using Npa.Shared.Nips;

namespace Npa.Shared.Messages;

/// <summary>Writes a <see cref="NipsCategory"/> as its wire name (<c>no_pain</c>, <c>mild_moderate</c>, <c>severe</c>).</summary>
public sealed class NipsCategoryJsonConverter : JsonConverter<NipsCategory>
{
    /// <inheritdoc/>
    public override NipsCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var category in Enum.GetValues<NipsCategory>())
            if (NipsScale.WireName(category) == text) return category;
        throw new JsonException($"'{text ?? reader.TokenType.ToString()}' is not a NIPS category (no_pain, mild_moderate, severe)");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, NipsCategory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(NipsScale.WireName(value));
    }
}
