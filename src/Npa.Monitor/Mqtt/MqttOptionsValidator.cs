using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Mqtt;

/// <summary>Checks <see cref="MqttOptions"/> at start; each failure names its key and the reason.</summary>
public sealed partial class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    /// <summary>Config section the options bind from (used in messages).</summary>
    public const string Section = "Mqtt";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Fail(string key, string reason) => errors.Add($"{Section}:{key} {reason}");

        if (!Enum.IsDefined(options.Mode)) Fail("Mode", $"is {(int)options.Mode}; use Embedded or External");
        if (string.IsNullOrWhiteSpace(options.Host)) Fail("Host", "is empty");
        if (options.Port is < 1 or > 65535) Fail("Port", $"is {options.Port}; it must be between 1 and 65535");
        if (options.Mode == MqttMode.Embedded) EmbeddedBrokerRules.Validate(options, Fail);
        else EmbeddedBrokerRules.ValidateExternal(options, Fail);
        if (options.PasswordFile is { } pw)
        {
            if (string.IsNullOrWhiteSpace(options.Username)) Fail("PasswordFile", "is set but Mqtt:Username is empty");
            if (!File.Exists(pw)) Fail("PasswordFile", $"'{pw}' does not exist");
        }
        else if (!string.IsNullOrWhiteSpace(options.Username))
        {
            Fail("Username", "is set without Mqtt:PasswordFile (passwords are read from a file, never from the config)");
        }
        if (!TopicPrefixPattern().IsMatch(options.TopicPrefix ?? ""))
            Fail("TopicPrefix", $"is '{options.TopicPrefix}'; use letters, digits, '-', '_' and inner '/' (no '+', '#' or spaces)");
        if (options.AssessmentQoS is not (0 or 1)) Fail("AssessmentQoS", $"is {options.AssessmentQoS}; it must be 0 or 1");
        if (options.ClientId is { } clientId && (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 128))
            Fail("ClientId", "must be 1 to 128 characters (leave it out for npa-monitor-{InstanceId})");
        if (!Npa.Shared.Messages.MonitorInstanceId.IsValid(options.InstanceId))
            Fail("InstanceId", $"is '{options.InstanceId}'; use 1 to {Npa.Shared.Messages.MonitorInstanceId.MaxLength} letters, digits, '-' or '_' (it is one topic level: no '/', '+', '#', '.' or spaces)");
        if (options.ReconnectMinDelay <= TimeSpan.Zero) Fail("ReconnectMinDelay", $"is {options.ReconnectMinDelay}; it must be positive");
        if (options.ReconnectMaxDelay < options.ReconnectMinDelay || options.ReconnectMaxDelay > TimeSpan.FromMinutes(10))
            Fail("ReconnectMaxDelay", $"is {options.ReconnectMaxDelay}; it must be at least Mqtt:ReconnectMinDelay and at most 00:10:00");
        // Above Mqtt:ReconnectMaxDelay it simply has no effect, so that is not an error.
        if (options.PendingReconnectMaxDelay <= TimeSpan.Zero || options.PendingReconnectMaxDelay > TimeSpan.FromMinutes(10))
            Fail("PendingReconnectMaxDelay", $"is {options.PendingReconnectMaxDelay}; it must be positive and at most 00:10:00");
        if (options.ReplayWindow < TimeSpan.Zero || options.ReplayWindow > TimeSpan.FromMinutes(10))
            Fail("ReplayWindow", $"is {options.ReplayWindow}; it must be between 00:00:00 and 00:10:00");
        if (options.OutboxPath is { } outbox && string.IsNullOrWhiteSpace(outbox)) Fail("OutboxPath", "is blank; leave it out to use Storage:DataDirectory");
        if (options.OutboxCapacity is < 10 or > 10_000_000)
            Fail("OutboxCapacity", $"is {options.OutboxCapacity}; it must be between 10 and 10000000");
        ValidateUsers(options, Fail);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateUsers(MqttOptions options, Action<string, string> fail)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ValidateUsers(options, "DashboardUsers", options.DashboardUsers, seen, fail);
        ValidateUsers(options, "StationUsers", options.StationUsers, seen, fail);
    }

    private static void ValidateUsers(MqttOptions options, string section, IList<MqttDashboardUser> users, HashSet<string> seen, Action<string, string> fail)
    {
        if (users.Count > 0 && options.Mode == MqttMode.External)
            fail(section, "are for the embedded broker's ACL; configure users on the external broker itself");
        for (int i = 0; i < users.Count; i++)
        {
            var user = users[i];
            string key = $"{section}:{i}";
            if (string.IsNullOrWhiteSpace(user.Username)) fail($"{key}:Username", "is empty");
            else if (!seen.Add(user.Username)) fail($"{key}:Username", $"'{user.Username}' appears twice (DashboardUsers and StationUsers share one name space)");
            else if (user.Username == options.Username) fail($"{key}:Username", $"'{user.Username}' is the monitor's own user");
            if (string.IsNullOrWhiteSpace(user.PasswordFile)) fail($"{key}:PasswordFile", "is empty");
            else if (!File.Exists(user.PasswordFile)) fail($"{key}:PasswordFile", $"'{user.PasswordFile}' does not exist");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")]
    private static partial Regex TopicPrefixPattern();
}
