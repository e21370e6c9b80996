namespace Npa.Trainer.Export;

/// <summary>The ONNX writer met a module (or a module setting) it cannot translate; the message names its path and type.</summary>
public sealed class UnsupportedModuleException : Exception
{
    public UnsupportedModuleException() { }

    public UnsupportedModuleException(string message) : base(message) { }

    public UnsupportedModuleException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Builds "path: Type is not supported (reason)".</summary>
    public static UnsupportedModuleException For(string path, object module, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        string where = string.IsNullOrEmpty(path) ? "<root>" : path;
        string type = module.GetType().Name;
        return new UnsupportedModuleException(reason is null
            ? $"{where}: {type} is not supported by the ONNX writer"
            : $"{where}: {type} is not supported by the ONNX writer ({reason})");
    }
}
