namespace Npa.Shared.Messages;

/// <summary>Plain-text payloads of the retained <c>{prefix}/monitors/{instance}/available</c> topic.</summary>
public static class Availability
{
    /// <summary>The service is running.</summary>
    public const string Online = "online";

    /// <summary>The connection was lost (the broker publishes it as the Last Will).</summary>
    public const string Offline = "offline";

    /// <summary>The service shut down on purpose.</summary>
    public const string Stopped = "stopped";
}
