using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.HomeAssistant;

/// <summary>Checks <see cref="HomeAssistantOptions"/> at start, with the bed ids when discovery is on; each failure names its key.</summary>
public sealed partial class HomeAssistantOptionsValidator(IOptions<BedsOptions> beds) : IValidateOptions<HomeAssistantOptions>
{
    /// <summary>Config section the options bind from (used in messages).</summary>
    public const string Section = "HomeAssistant";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HomeAssistantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Fail(string key, string reason) => errors.Add($"{Section}:{key} {reason}");

        if (!TopicPattern().IsMatch(options.DiscoveryPrefix ?? ""))
            Fail("DiscoveryPrefix", $"is '{options.DiscoveryPrefix}'; use letters, digits, '-', '_' and inner '/' (Home Assistant's default is homeassistant)");
        if (!TopicPattern().IsMatch(options.StatusTopic ?? ""))
            Fail("StatusTopic", $"is '{options.StatusTopic}'; use letters, digits, '-', '_' and inner '/', no wildcards (Home Assistant's default is homeassistant/status)");
        if (options.NodeId is { } node && !IdPattern().IsMatch(node))
            Fail("NodeId", $"is '{node}'; use letters, digits, '-' and '_' (leave it out for the topic prefix)");
        if (options.Enabled)
        {
            // Discovery object ids allow fewer characters than a topic level; mapping the others would let two beds collide.
            foreach (string bed in beds.Value.Select(b => b.Id).Where(id => !IdPattern().IsMatch(id ?? "")))
                Fail("Enabled", $"is true, but bed id '{bed}' is not a Home Assistant object id; rename the bed to letters, digits, '-' and '_', or turn discovery off");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")]
    private static partial Regex TopicPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
