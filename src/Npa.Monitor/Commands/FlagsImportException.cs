namespace Npa.Monitor.Commands;

/// <summary>An annotator CSV that cannot be imported; the message lists each problem (line, row, column, value, why). Nothing was applied.</summary>
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

    /// <summary>Creates the exception from every problem found, one line each.</summary>
    public FlagsImportException(IReadOnlyList<FlagsImportProblem> problems)
        : base(string.Join(Environment.NewLine, problems ?? []) + Environment.NewLine + "nothing was imported")
    {
        Problems = problems ?? [];
    }

    /// <summary>Each problem found.</summary>
    public IReadOnlyList<FlagsImportProblem> Problems { get; } = [];
}
