using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Web;

namespace Npa.Monitor.Hosting;

/// <summary>
/// What options validation cannot see (ports in use, a data folder that cannot be written, a certificate that does not
/// load), checked after it and before any hosted service starts: a monitor that cannot listen must not have started beds
/// or published first.
/// </summary>
public static class StartupChecks
{
    /// <summary>Throws <see cref="MonitorStartupException"/>s (one per problem, in an <see cref="AggregateException"/> when several).</summary>
    public static void ThrowIfUnready(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var mqtt = services.GetService<IOptions<MqttOptions>>()?.Value;

        var problems = new List<string>();
        if (DataFolderProbe.Check($"{StorageOptions.Section}:DataDirectory", storage.DataDirectory) is { } data) problems.Add(data);
        if (mqtt?.OutboxPath is { } outbox && Path.GetDirectoryName(Path.GetFullPath(outbox)) is { } folder
            && DataFolderProbe.Check($"{MqttOptionsValidator.Section}:OutboxPath", folder) is { } outboxProblem)
            problems.Add(outboxProblem);
        problems.AddRange(PortProbe.Check(Ports(web, mqtt)));
        if (CropKeyProbe.Check(storage) is { } keys) problems.Add(keys);
        if (WebCertificate.Problem(web, DateTimeOffset.UtcNow) is { } certificate) problems.Add(certificate);

        if (problems.Count == 1) throw new MonitorStartupException(problems[0]);
        if (problems.Count > 1) throw new AggregateException(problems.Select(p => new MonitorStartupException(p)));
    }

    private static IEnumerable<ListeningPort> Ports(WebOptions web, MqttOptions? mqtt)
    {
        if (IPAddress.TryParse(web.BindAddress, out var webAddress)) yield return new ListeningPort($"{WebOptions.Section}:Port", webAddress, web.Port);
        if (mqtt is { Mode: MqttMode.Embedded } && IPAddress.TryParse(mqtt.Host, out var mqttAddress))
            yield return new ListeningPort($"{MqttOptionsValidator.Section}:Port", mqttAddress, mqtt.Port);
    }
}
