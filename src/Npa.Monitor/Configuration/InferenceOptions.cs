using Npa.Monitor.Inference;

namespace Npa.Monitor.Configuration;

/// <summary>The <c>Inference</c> section: model package, execution provider and cross-bed batching.</summary>
public sealed class InferenceOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Inference";

    /// <summary>Model package: a folder holding model.onnx + model.json, or a .zip of them.</summary>
    public string ModelPath { get; set; } = "models/demo";

    /// <summary><c>Auto</c> (CUDA when it loads, else the CPU with one log line), <c>Cuda</c> or <c>Cpu</c>.</summary>
    public ExecutionProvider ExecutionProvider { get; set; } = ExecutionProvider.Auto;

    /// <summary>ONNX Runtime intra-op threads, 0 (runtime default) – 64.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>
    /// Let ONNX Runtime's threads spin between runs (its own default). Off here: on a bedside machine the cameras, the
    /// detector and the renderer need those cycles, and spinning took them for a few milliseconds' lower latency.
    /// </summary>
    public bool SpinWait { get; set; }

    /// <summary>Largest batch sent to the model, 1–64. A batch is flushed when it is full…</summary>
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>…or when its oldest request has waited this long, 0–1000 ms.</summary>
    public int MaxBatchWaitMs { get; set; } = 15;

    /// <summary>Requests waiting for the model, across beds, 1–1024; when full the oldest is dropped (counted as skipped).</summary>
    public int QueueCapacity { get; set; } = 32;

    /// <summary>Watch <see cref="ModelPath"/> and hot-swap a new valid package.</summary>
    public bool WatchModel { get; set; } = true;

    /// <summary>Quiet time after the last file change before a package is reloaded, 50–60000 ms.</summary>
    public int SwapDebounceMs { get; set; } = 1000;
}
