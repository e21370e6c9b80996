namespace Npa.Shared.Datasets;

/// <summary>A dataset manifest that cannot be used; the message names the file, the line and the reason.</summary>
public sealed class DatasetManifestException : Exception
{
    /// <summary>Creates the exception with a plain message.</summary>
    public DatasetManifestException() : base("invalid dataset manifest")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public DatasetManifestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a plain message and a cause.</summary>
    public DatasetManifestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a line of a manifest file.</summary>
    public DatasetManifestException(string filePath, int? lineNumber, string reason, Exception? innerException = null)
        : base(Format(filePath, lineNumber, reason), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>One exception for several bad rows: the first row's line, and a reason that lists each row's.</summary>
    public static DatasetManifestException ForRows(string filePath, IReadOnlyList<DatasetManifestException> rows, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var listed = rows.Take(maxListed).Select(r => r.LineNumber is { } l ? $"  line {l}: {r.Reason}" : $"  {r.Reason}");
        string more = rows.Count > maxListed ? $"{Environment.NewLine}  … and {rows.Count - maxListed} more" : "";
        string reason = $"{rows.Count} rows have problems:{Environment.NewLine}{string.Join(Environment.NewLine, listed)}{more}";
        return new DatasetManifestException(filePath, rows[0].LineNumber, reason) { Problems = rows };
    }

    /// <summary>Each bad row when there were several (empty for a single problem).</summary>
    public IReadOnlyList<DatasetManifestException> Problems { get; private init; } = [];

    /// <summary>The manifest file.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line number in the file, or null when the problem is not tied to a line.</summary>
    public int? LineNumber { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Reason { get; }

    private static string Format(string filePath, int? lineNumber, string reason) =>
        lineNumber is { } line ? $"{filePath}, line {line}: {reason}" : $"{filePath}: {reason}";
}
