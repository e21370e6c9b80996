namespace Npa.Monitor.Mqtt;

/// <summary>The broker answered but refused the monitor's client (bad credentials, not authorized, …).</summary>
public sealed class MqttRefusedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttRefusedException() : base("the MQTT broker refused the connection")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
