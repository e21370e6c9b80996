namespace Npa.Monitor.Mqtt;

/// <summary>A nursing-station user of the embedded broker: may subscribe, never publish.</summary>
public sealed class MqttDashboardUser
{
    /// <summary>User name the dashboard connects with.</summary>
    public string Username { get; set; } = "";

    /// <summary>File holding the password (first line); passwords never sit in the config itself.</summary>
    public string PasswordFile { get; set; } = "";
}
