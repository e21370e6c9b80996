namespace Npa.Monitor.Metrics;

/// <summary>Service-wide rates over the last stats interval (what /metrics and the MQTT stats topic show).</summary>
/// <param name="Time">End of the interval.</param>
/// <param name="Uptime">Time since the service started.</param>
/// <param name="Beds">Per-bed rates.</param>
/// <param name="InferenceMs">Mean model time per batch.</param>
/// <param name="MeanBatchSize">Mean crops per batch.</param>
/// <param name="QueueDepth">Requests waiting for the model now.</param>
/// <param name="ModelId">Model serving now.</param>
public sealed record MonitorStats(DateTimeOffset Time, TimeSpan Uptime, IReadOnlyList<BedRates> Beds, double InferenceMs, double MeanBatchSize, int QueueDepth, string ModelId);
