namespace Npa.Shared.Packaging;

/// <summary>A model manifest that is unreadable or invalid; the message says which file and what is wrong.</summary>
public sealed class ModelManifestException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ModelManifestException() : base("invalid model manifest")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelManifestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelManifestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
