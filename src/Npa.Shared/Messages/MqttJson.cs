using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Npa.Shared.Messages;

/// <summary>Encodes and decodes MQTT payloads (UTF-8 JSON), checking the schema on the way in.</summary>
public static class MqttJson
{
    /// <summary>The payload as UTF-8 JSON bytes.</summary>
    public static byte[] Serialize(IMqttMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToUtf8Bytes(message, MqttJsonContext.Default.GetTypeInfo(message.GetType())
            ?? throw new ArgumentException($"{message.GetType().Name} is not an MQTT payload type", nameof(message)));
    }

    /// <summary>
    /// Decodes a payload of type <typeparamref name="T"/>. Throws <see cref="InvalidDataException"/> naming the
    /// problem when the bytes are not valid JSON for it or carry another schema.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : class, IMqttMessage
    {
        string expected = SchemaOf<T>();
        T? message;
        try
        {
            message = JsonSerializer.Deserialize(utf8Json, (JsonTypeInfo<T>)MqttJsonContext.Default.GetTypeInfo(typeof(T))!);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"payload is not valid {expected}: {ex.Message}", ex);
        }
        if (message is null) throw new InvalidDataException($"payload is not valid {expected}: it is null");
        if (message.Schema != expected)
            throw new InvalidDataException($"payload has schema '{message.Schema}', expected '{expected}'");
        return message;
    }

    /// <summary>The schema string of a payload type.</summary>
    public static string SchemaOf<T>() where T : IMqttMessage => typeof(T) switch
    {
        var t when t == typeof(AssessmentMessage) => AssessmentMessage.SchemaName,
        var t when t == typeof(BedStateMessage) => BedStateMessage.SchemaName,
        var t when t == typeof(AlertEventMessage) => AlertEventMessage.SchemaName,
        var t when t == typeof(BedStatusMessage) => BedStatusMessage.SchemaName,
        var t when t == typeof(StatsMessage) => StatsMessage.SchemaName,
        var t when t == typeof(BedClaimMessage) => BedClaimMessage.SchemaName,
        var t when t == typeof(BedConflictMessage) => BedConflictMessage.SchemaName,
        var t when t == typeof(BedCommandMessage) => BedCommandMessage.SchemaName,
        var t when t == typeof(ModelMessage) => ModelMessage.SchemaName,
        var t => throw new ArgumentException($"{t.Name} is not an MQTT payload type"),
    };
}
