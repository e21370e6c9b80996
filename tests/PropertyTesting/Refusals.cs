using System.Text.RegularExpressions;

namespace Npa.PropertyTesting;

/// <summary>What a parser's refusal must say: which field, or where in the text, is wrong.</summary>
internal static partial class Refusals
{
    /// <summary>
    /// True when <paramref name="message"/> names one of <paramref name="fields"/> (or its singular, "segment" for
    /// "segments"), a JSON path, or a line: a reader can then find what to fix.
    /// </summary>
    public static bool NameAFieldOrLine(string message, IEnumerable<string> fields, string? input = null)
    {
        // "The JSON property 'durat' could not be mapped": a key of the input named in quotes, though the text may not parse.
        if (input is not null && QuotedName().Matches(message).Any(m => input.Contains($"\"{m.Groups[1].Value}\"", StringComparison.Ordinal))) return true;
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(fields);
        if (message.Contains("Path: $", StringComparison.Ordinal) || message.Contains("line ", StringComparison.OrdinalIgnoreCase)) return true;
        return fields.Where(f => f.Length > 1).Any(f =>
            message.Contains(f, StringComparison.OrdinalIgnoreCase)
            || (f.EndsWith('s') && message.Contains(f[..^1], StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex("'([^'\\s]{1,100})'")]
    private static partial Regex QuotedName();
}
