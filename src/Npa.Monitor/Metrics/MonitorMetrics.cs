using Prometheus;

namespace Npa.Monitor.Metrics;

/// <summary>The service's Prometheus metrics, in a registry of its own (no process-wide state).</summary>
public sealed class MonitorMetrics
{
    private readonly Gauge _cameraFps, _assessedFps, _skippedFps, _latencyMs, _flagged, _inferenceMs, _batchSize, _queueDepth, _score, _alertActive;

    public MonitorMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        string[] bed = ["bed"];
        _cameraFps = f.CreateGauge("npa_camera_fps", "Frames per second delivered by the bed's camera.", bed);
        _assessedFps = f.CreateGauge("npa_assessed_fps", "Frames per second scored by the model.", bed);
        _skippedFps = f.CreateGauge("npa_skipped_fps", "Frames per second dropped before scoring (sampler, busy bed, full queue).", bed);
        _latencyMs = f.CreateGauge("npa_assessment_latency_ms", "Mean time from queue to result of the bed's assessments.", bed);
        _flagged = f.CreateGauge("npa_flagged_frames", "Frames kept for relabeling since start.", bed);
        _score = f.CreateGauge("npa_bed_score", "Smoothed expected NIPS score (NaN without an assessable face).", bed);
        _alertActive = f.CreateGauge("npa_bed_alert_active", "1 while the bed is in a pain episode.", bed);
        _inferenceMs = f.CreateGauge("npa_inference_ms", "Mean model time per batch over the last stats interval.");
        _batchSize = f.CreateGauge("npa_inference_batch_size", "Mean crops per batch over the last stats interval.");
        _queueDepth = f.CreateGauge("npa_inference_queue_depth", "Crops waiting for the model.");
    }

    /// <summary>The registry /metrics serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Sets the rate gauges from one stats sample.</summary>
    public void Record(MonitorStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        foreach (var b in stats.Beds)
        {
            _cameraFps.WithLabels(b.BedId).Set(b.CameraFps);
            _assessedFps.WithLabels(b.BedId).Set(b.AssessedFps);
            _skippedFps.WithLabels(b.BedId).Set(b.SkippedFps);
            _latencyMs.WithLabels(b.BedId).Set(b.LatencyMs);
            _flagged.WithLabels(b.BedId).Set(b.FlaggedTotal);
        }
        _inferenceMs.Set(stats.InferenceMs);
        _batchSize.Set(stats.MeanBatchSize);
        _queueDepth.Set(stats.QueueDepth);
    }

    /// <summary>Sets a bed's score and alert gauges.</summary>
    public void RecordBed(string bedId, double? score, bool alertActive)
    {
        _score.WithLabels(bedId).Set(score ?? double.NaN);
        _alertActive.WithLabels(bedId).Set(alertActive ? 1 : 0);
    }
}
