using System.Buffers;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// What a station user may publish on the embedded broker: an alarm command (<c>{prefix}/beds/{bed}/set/{command}</c>),
/// not retained, whose <c>by</c> is its own user name or starts with it (<c>station-1/j.smith</c>), so that the
/// monitor's audit names the user the broker authenticated, not whatever the payload claims.
/// </summary>
internal static class StationCommandRule
{
    /// <summary>Null when <paramref name="user"/> may publish this; otherwise why not.</summary>
    public static string? Refusal(MqttTopics topics, string user, string topic, bool retain, ReadOnlySequence<byte> payload)
    {
        if (!topics.TryParseCommandTopic(topic, out string bed, out _)) return "stations publish alarm commands only";
        if (retain) return "commands are not retained";
        BedCommandMessage command;
        try
        {
            command = MqttJson.Deserialize<BedCommandMessage>(payload.ToArray());
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }
        if (command.BedId != bed) return $"the payload is for bed '{command.BedId}', the topic for '{bed}'";
        bool signed = command.By == user || command.By.StartsWith(user + "/", StringComparison.Ordinal);
        return signed ? null : $"'by' is '{command.By}', not the station's own user '{user}'";
    }
}
