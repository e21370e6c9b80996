using Npa.Monitor.Metrics;

namespace Npa.Monitor.Hosting;

/// <summary>Receives the service's rates every stats interval (Prometheus gauges, MQTT stats topic).</summary>
public interface IStatsOutput
{
    void OnStats(MonitorStats stats);
}
