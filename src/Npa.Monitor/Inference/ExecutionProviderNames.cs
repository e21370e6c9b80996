namespace Npa.Monitor.Inference;

/// <summary>Config spelling of <see cref="ExecutionProvider"/>: "auto", "cuda" or "cpu".</summary>
public static class ExecutionProviderNames
{
    public static ExecutionProvider Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "AUTO" => ExecutionProvider.Auto,
        "CUDA" => ExecutionProvider.Cuda,
        "CPU" => ExecutionProvider.Cpu,
        _ => throw new ArgumentException($"execution provider '{name}' is unknown; use auto, cuda or cpu", nameof(name)),
    };
}
