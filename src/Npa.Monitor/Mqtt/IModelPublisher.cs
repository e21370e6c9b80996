using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>Where the monitor says which model it serves (the retained <c>…/monitors/{instance}/model</c> topic).</summary>
public interface IModelPublisher
{
    /// <summary>The serving model (retained, QoS 1); the publisher sets the instance and numbers <c>seq</c>.</summary>
    Task PublishModelAsync(ModelMessage message, CancellationToken ct = default);
}
