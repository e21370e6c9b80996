namespace Npa.Trainer.Training;

/// <summary>A run folder that cannot be used as a finished run: a file is missing or unreadable, or the network asked for is absent.</summary>
public sealed class RunFolderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunFolderException() { }

    /// <summary>Creates the exception with a readable message that names the folder or file.</summary>
    public RunFolderException(string message) : base(message) { }

    /// <summary>Creates the exception with a readable message and its cause.</summary>
    public RunFolderException(string message, Exception inner) : base(message, inner) { }
}
