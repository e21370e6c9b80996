namespace Npa.Monitor.Commands;

/// <summary>
/// Formula-safe CSV cells (OWASP "CSV injection"): a cell a spreadsheet would run as a formula gets a leading apostrophe,
/// which spreadsheets show as text and import takes off again.
/// </summary>
public static class CsvFormulaGuard
{
    /// <summary>Starts that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP's list).</summary>
    private static ReadOnlySpan<char> FormulaStarts => ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell to write: <paramref name="value"/> with a leading apostrophe where it would be a formula.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsQuote(value) ? "'" + value : value;
    }

    /// <summary>The value that <see cref="Escape"/> wrote as <paramref name="cell"/>; any other cell comes back as it is.</summary>
    public static string Unescape(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && NeedsQuote(cell.AsSpan(1)) ? cell[1..] : cell;
    }

    // An apostrophe before a quoted start is quoted too ("'=x" is written "''=x"), so that Unescape(Escape(v)) == v
    // for every v, including a value that itself begins with the apostrophe Escape adds.
    private static bool NeedsQuote(ReadOnlySpan<char> value)
    {
        int i = 0;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && FormulaStarts.Contains(value[i]);
    }
}
