using System.Text;

namespace Npa.Shared.Messages;

/// <summary>
/// The id of one monitor instance on a shared broker: one topic level of letters, digits, '-' and '_' (1 to 64
/// characters), so that it is safe in topics, client ids and mosquitto ACL patterns.
/// </summary>
public static class MonitorInstanceId
{
    /// <summary>Longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>True for a topic-safe id.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// The default id for a host: its name in lower case, each character outside [a-z0-9_-] (a domain dot, a space)
    /// turned into '-', cut to <see cref="MaxLength"/>; <c>monitor</c> if nothing is left.
    /// </summary>
    public static string FromHostName(string? hostName)
    {
        var id = new StringBuilder();
        foreach (char c in (hostName ?? "").ToLowerInvariant())
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        string trimmed = id.ToString().Trim('-');
        if (trimmed.Length > MaxLength) trimmed = trimmed[..MaxLength].TrimEnd('-');
        return trimmed.Length == 0 ? "monitor" : trimmed;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a readable reason when <paramref name="id"/> is not topic-safe.</summary>
    public static void Validate(string? id)
    {
        if (!IsValid(id))
            throw new ArgumentException($"monitor instance id '{id}' must be 1 to {MaxLength} letters, digits, '-' or '_' (it is one MQTT topic level)", nameof(id));
    }
}
