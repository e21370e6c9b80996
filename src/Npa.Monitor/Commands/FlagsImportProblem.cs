using System.Text;

namespace Npa.Monitor.Commands;

/// <summary>One reason an annotator CSV cannot be imported, located as a person fixing the file needs it.</summary>
/// <param name="File">The CSV file.</param>
/// <param name="Line">1-based line in the file where the record starts (the header is line 1), or null for the whole file.</param>
/// <param name="Row">1-based data row (the header not counted), or null for the header or the whole file.</param>
/// <param name="Column">The column at fault, or null when the row as a whole is.</param>
/// <param name="Value">The cell as read, or null when there is none.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record FlagsImportProblem(string File, long? Line, long? Row, string? Column, string? Value, string Reason)
{
    private const int ShownValueLength = 60;

    /// <summary>"FILE, line 3 (row 2), column 'path', value '../x': reason".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line) text.Append(", line ").Append(line);
        if (Row is { } row) text.Append(" (row ").Append(row).Append(')');
        else if (Line == 1) text.Append(" (header)");
        if (Column is not null) text.Append(", column '").Append(Column).Append('\'');
        if (Value is not null) text.Append(", value '").Append(Shown(Value)).Append('\'');
        return text.Append(": ").Append(Reason).ToString();
    }

    // A cell may be long or hold control characters (a terminal escape, a newline): show it short and inert.
    private static string Shown(string value)
    {
        var shown = new StringBuilder(Math.Min(value.Length, ShownValueLength) + 1);
        foreach (char c in value.AsSpan(0, Math.Min(value.Length, ShownValueLength)))
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        if (value.Length > ShownValueLength) shown.Append('…');
        return shown.ToString();
    }
}
