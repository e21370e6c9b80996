using System.Text.Json.Serialization;

namespace Npa.Shared.Messages;

/// <summary>Source-generated JSON for the MQTT payloads: snake_case, compact, nulls written, unknown keys ignored (newer publishers).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AssessmentMessage))]
[JsonSerializable(typeof(BedStateMessage))]
[JsonSerializable(typeof(AlertEventMessage))]
[JsonSerializable(typeof(BedStatusMessage))]
[JsonSerializable(typeof(StatsMessage))]
[JsonSerializable(typeof(BedClaimMessage))]
[JsonSerializable(typeof(BedConflictMessage))]
[JsonSerializable(typeof(BedCommandMessage))]
[JsonSerializable(typeof(ModelMessage))]
public sealed partial class MqttJsonContext : JsonSerializerContext;
