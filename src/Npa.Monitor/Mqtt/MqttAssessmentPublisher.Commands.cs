using System.Buffers;
using MQTTnet;
using Npa.Monitor.Alarms;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// The nurses' commands: <c>{prefix}/beds/{bed}/set/{ack|silence|hold|resume}</c> for this instance's own beds only
/// (a command for another monitor's bed is not even received), handed to <see cref="BedAlarmControls"/>.
/// </summary>
public sealed partial class MqttAssessmentPublisher
{
    private void SetUpCommands(BedAlarmControls alarms)
    {
        foreach (string bed in alarms.Beds.Order(StringComparer.Ordinal))
            _link.SubscribeOnConnect($"{_topics.Prefix}/beds/{bed}/set/+", m => OnCommand(m, alarms));
    }

    private Task OnCommand(MqttApplicationMessage message, BedAlarmControls alarms)
    {
        if (!_topics.TryParseCommandTopic(message.Topic, out string bed, out var kind))
            throw new InvalidDataException("not a known command (ack, silence, hold, resume)");
        // A retained command would act again on every reconnect, long after the nurse meant it.
        if (message.Retain) throw new InvalidDataException("a retained command is ignored; commands are sent once, not retained");
        alarms.Apply(bed, kind, MqttJson.Deserialize<BedCommandMessage>(message.Payload.ToArray()));
        return Task.CompletedTask;
    }
}
