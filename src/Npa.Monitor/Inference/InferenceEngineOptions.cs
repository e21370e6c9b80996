namespace Npa.Monitor.Inference;

/// <summary>How the inference engine runs a model package.</summary>
public sealed record InferenceEngineOptions
{
    /// <summary>auto (CUDA if loadable, else CPU), cuda, or cpu.</summary>
    public ExecutionProvider ExecutionProvider { get; init; } = ExecutionProvider.Auto;

    /// <summary>CUDA device ordinal (0..15), used when CUDA is tried.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>CPU threads inside one operator (0 = ONNX Runtime's default, one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Whether ONNX Runtime's intra-op threads spin between runs (its default) instead of sleeping.</summary>
    public bool SpinWait { get; init; }

    /// <summary>Largest batch run at once (1..64); larger calls are split. Buffers are kept per batch size up to this.</summary>
    public int MaxBatchSize { get; init; } = 8;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider)) throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "execution provider must be auto, cuda or cpu");
        if (CudaDeviceId is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(CudaDeviceId), CudaDeviceId, "CUDA device id must be 0..15");
        if (IntraOpThreads is < 0 or > 256) throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, "intra-op threads must be 0 (default) .. 256");
        if (MaxBatchSize is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "max batch size must be 1..64");
    }
}
