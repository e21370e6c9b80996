namespace Npa.Monitor.Inference;

/// <summary>A model package was refused; the message says which package and why. The model serving before keeps serving.</summary>
public sealed class ModelPackageException : Exception
{
    public ModelPackageException() { }

    public ModelPackageException(string message) : base(message) { }

    public ModelPackageException(string message, Exception innerException) : base(message, innerException) { }
}
