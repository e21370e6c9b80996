using Microsoft.Extensions.Logging;
using Npa.Monitor.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>Ends the alert episodes a previous process left open (killed, or stopped before it could publish their end).</summary>
public sealed partial class MqttAssessmentPublisher
{
    /// <summary>Reason of the <c>end</c> published for an episode the last process left open.</summary>
    public const string MonitorRestartReason = "monitor_restart";

    /// <summary>
    /// Closes each episode the outbox holds open with an <c>end</c> (reason <see cref="MonitorRestartReason"/>), through
    /// the outbox like any alert. Not resumed: the new process has no score history, and it opens a fresh episode if the
    /// pain goes on, so a receiver never holds an episode that no process will end.
    /// </summary>
    private void EndLeftOpenEpisodes(DateTimeOffset now)
    {
        foreach (var open in _outbox.OpenEpisodes())
        {
            AlertEventMessage last;
            try
            {
                last = MqttJson.Deserialize<AlertEventMessage>(open.LastPayload.Span);
            }
            catch (InvalidDataException ex)
            {
                _logger.LogError("MQTT outbox: episode {Episode} on {Topic} was left open but its last alert cannot be read ({Reason}); no end is published for it",
                    open.EpisodeId, open.Topic, ex.Message);
                _outbox.ForgetEpisode(open.Topic, open.EpisodeId);
                continue;
            }
            var end = last with { Event = AlertEventKind.End, Time = now, UpdatedAt = now, EndedAt = now, Reason = MonitorRestartReason };
            Store(OutboxKind.Alert, open.Topic, seq => end with { Seq = seq }, retain: false, new OutboxEpisode(open.EpisodeId, Open: false));
            _logger.LogWarning("bed {Bed}: episode {Episode} (started {Started:o}, last event {Last:o}) was left open by the previous run; published its end ({Reason})",
                last.BedId, open.EpisodeId, last.StartedAt, last.Time, MonitorRestartReason);
        }
    }
}
