using Microsoft.Extensions.Configuration;
using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Alarms;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Mqtt;

/// <summary>Registers the MQTT side of the monitor: the <c>Mqtt</c> options, the embedded broker when configured, and the publisher.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Mqtt</c> at start, and registers <see cref="IAssessmentPublisher"/> and, in embedded
    /// mode, the broker (both started and stopped with the host; the broker first, so that it listens before the
    /// publisher connects). The outbox defaults to Storage:DataDirectory, so <c>AddMonitorOptions</c> comes first. Every
    /// registered <see cref="IMqttPublisherExtension"/> is attached before the publisher first connects.
    /// </summary>
    public static IServiceCollection AddMonitorMqtt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<MqttOptions, MqttOptionsValidator>(configuration, MqttOptionsValidator.Section);
        services.AddSingleton(sp => MonitorMqttCredentials.Resolve(sp.GetRequiredService<IOptions<MqttOptions>>().Value));
        services.AddSingleton(sp => new EmbeddedMqttBroker(
            sp.GetRequiredService<IOptions<MqttOptions>>().Value, sp.GetRequiredService<MonitorMqttCredentials>(),
            sp.GetService<ILogger<EmbeddedMqttBroker>>()));
        services.AddHostedService(sp => new EmbeddedBrokerHost(sp));
        services.TryAddSingleton(sp => new BedAlarmControls(sp.GetRequiredService<IOptions<BedsOptions>>().Value.Select(b => b.Id),
            sp.GetService<IScheduler>() ?? DefaultScheduler.Instance, sp.GetService<ILogger<BedAlarmControls>>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MqttOptions>>().Value;
            string outbox = options.OutboxPath ?? Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "mqtt-outbox.db");
            var beds = sp.GetRequiredService<IOptions<BedsOptions>>().Value.Select(b => b.Id);
            var publisher = new MqttAssessmentPublisher(options, sp.GetRequiredService<MonitorMqttCredentials>(), outbox, sp.GetService<ILogger<MqttAssessmentPublisher>>(),
                beds: beds, alarms: sp.GetRequiredService<BedAlarmControls>());
            foreach (var extension in sp.GetServices<IMqttPublisherExtension>()) extension.Attach(publisher);
            return publisher;
        });
        services.AddSingleton<IAssessmentPublisher>(sp => sp.GetRequiredService<MqttAssessmentPublisher>());
        services.AddSingleton<IModelPublisher>(sp => sp.GetRequiredService<MqttAssessmentPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttAssessmentPublisher>());
        return services;
    }

    /// <summary>Starts the embedded broker only in embedded mode (resolving it lazily keeps external mode free of it).</summary>
    private sealed class EmbeddedBrokerHost(IServiceProvider services) : IHostedService
    {
        private bool Embedded => services.GetRequiredService<IOptions<MqttOptions>>().Value.Mode == MqttMode.Embedded;

        public Task StartAsync(CancellationToken cancellationToken) =>
            Embedded ? services.GetRequiredService<EmbeddedMqttBroker>().StartAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) =>
            Embedded ? services.GetRequiredService<EmbeddedMqttBroker>().StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
