namespace Npa.Monitor.Inference;

/// <summary>Where ONNX Runtime runs the model.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when its libraries load, otherwise the CPU (one log line says which and why).</summary>
    Auto = 0,

    /// <summary>CUDA only; loading fails with a clear message when the CUDA provider cannot be loaded.</summary>
    Cuda = 1,

    /// <summary>The CPU only.</summary>
    Cpu = 2,
}
