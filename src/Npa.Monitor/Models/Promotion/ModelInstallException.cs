namespace Npa.Monitor.Models.Promotion;

/// <summary>A promotion or rollback was refused; nothing was installed and the serving package is unchanged.</summary>
public sealed class ModelInstallException : Exception
{
    public ModelInstallException() { }

    public ModelInstallException(string message) : base(message) { }

    public ModelInstallException(string message, Exception innerException) : base(message, innerException) { }
}
