using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.HomeAssistant;

/// <summary>Registers optional Home Assistant MQTT discovery.</summary>
public static class HomeAssistantServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>HomeAssistant</c> at start, and attaches discovery to the MQTT publisher (off by default).</summary>
    public static IServiceCollection AddHomeAssistantDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<HomeAssistantOptions, HomeAssistantOptionsValidator>(configuration, HomeAssistantOptionsValidator.Section);
        services.AddSingleton<IMqttPublisherExtension>(sp => new HomeAssistantPublisherExtension(
            sp.GetRequiredService<IOptions<HomeAssistantOptions>>().Value,
            [.. sp.GetRequiredService<IOptions<BedsOptions>>().Value.Select(b => b.Id)],
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(HomeAssistantAnnouncer))));
        return services;
    }
}
