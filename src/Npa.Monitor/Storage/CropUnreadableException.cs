namespace Npa.Monitor.Storage;

/// <summary>
/// A stored crop cannot be opened: its AES-GCM tag does not match (the file was altered or is corrupt), or the key it
/// was sealed with is not in the ring. The file is left in place, so that nothing is lost while a person looks.
/// </summary>
public sealed class CropUnreadableException : IOException
{
    /// <summary>Creates the exception with a message that names the frame, the file and the key id.</summary>
    public CropUnreadableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public CropUnreadableException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CropUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
