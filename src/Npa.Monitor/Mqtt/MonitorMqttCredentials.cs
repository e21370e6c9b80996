using System.Security.Cryptography;

namespace Npa.Monitor.Mqtt;

/// <summary>The credentials the monitor's own client uses (and the embedded broker lets publish).</summary>
/// <param name="Username">User name, or null for an anonymous connection.</param>
/// <param name="Password">Password, or null.</param>
public sealed record MonitorMqttCredentials(string? Username, string? Password)
{
    /// <summary>User name of the per-run publisher account of the embedded broker.</summary>
    public const string GeneratedUsername = "npa-monitor";

    /// <summary>
    /// Configured user and password file when given; otherwise, for the embedded broker, a fresh per-run secret
    /// (only this process knows it, so only this process can publish); otherwise anonymous.
    /// </summary>
    public static MonitorMqttCredentials Resolve(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Username) && options.PasswordFile is { } file)
            return new MonitorMqttCredentials(options.Username, ReadPasswordFile(file));
        return options.Mode == MqttMode.Embedded
            ? new MonitorMqttCredentials(GeneratedUsername, RandomNumberGenerator.GetHexString(48, lowercase: true))
            : new MonitorMqttCredentials(null, null);
    }

    /// <summary>The first line of a password file; an empty file is an error that names it.</summary>
    public static string ReadPasswordFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string first = File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r') ?? "";
        if (first.Length == 0) throw new InvalidOperationException($"MQTT password file '{path}' is empty");
        return first;
    }

    /// <inheritdoc />
    public override string ToString() => $"MonitorMqttCredentials {{ Username = {Username}, Password = {(Password is null ? "none" : "***")} }}";
}
