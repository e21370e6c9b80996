namespace Npa.Monitor.Storage;

/// <summary>The crop key ring cannot be used (missing folder, a key readable by others, a key of the wrong size).</summary>
public sealed class CropKeyRingException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the setting and the file.</summary>
    public CropKeyRingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public CropKeyRingException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CropKeyRingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
