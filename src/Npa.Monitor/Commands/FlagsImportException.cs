namespace Npa.Monitor.Commands;

/// <summary>An annotator CSV that cannot be imported; the message lists each bad line and why. Nothing was applied.</summary>
public sealed class FlagsImportException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public FlagsImportException() : base("the annotator CSV cannot be imported")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FlagsImportException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public FlagsImportException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from per-line problems ("FILE, line N: reason").</summary>
    public FlagsImportException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems) + Environment.NewLine + "nothing was imported")
    {
        Problems = problems;
    }

    /// <summary>Each problem with its file and line.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
