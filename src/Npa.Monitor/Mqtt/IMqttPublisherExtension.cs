namespace Npa.Monitor.Mqtt;

/// <summary>
/// Adds to the publisher's connection before it first connects (retained announcements, subscriptions). A feature that
/// rides on the monitor's MQTT link registers one in its own folder, so that this folder need not know the feature.
/// </summary>
public interface IMqttPublisherExtension
{
    /// <summary>Attaches to <paramref name="publisher"/>, which has not connected yet.</summary>
    void Attach(MqttAssessmentPublisher publisher);
}
