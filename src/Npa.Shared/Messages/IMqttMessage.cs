namespace Npa.Shared.Messages;

/// <summary>A JSON payload published over MQTT; <see cref="Schema"/> names its kind and version (<c>npa.&lt;kind&gt;/1</c>).</summary>
public interface IMqttMessage
{
    /// <summary>Kind and version of the payload.</summary>
    string Schema { get; }

    /// <summary>When the payload was produced.</summary>
    DateTimeOffset Time { get; }

    /// <summary>
    /// Sequence number, increasing by one per message of the kind (per bed where there is one). On the QoS 1 topics
    /// (alert, state, status) it goes on across monitor restarts; on assessment and stats it starts at 1 each run.
    /// </summary>
    long Seq { get; }
}
