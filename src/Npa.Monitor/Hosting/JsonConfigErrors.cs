using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Npa.Monitor.Hosting;

/// <summary>
/// Says where a config file's JSON is broken. The configuration provider wraps System.Text.Json's error twice
/// (InvalidDataException, then FormatException "Could not parse the JSON file."), and only the innermost one knows the line.
/// </summary>
public static partial class JsonConfigErrors
{
    /// <summary>"line 3, column 5: reason" for a JSON syntax error, or the innermost message (a duplicate key, a top level that is not an object).</summary>
    public static string Describe(Exception exception, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner is not JsonException && inner.InnerException is { } next) inner = next;
        if (inner is InvalidOperationException && LoneSurrogateLine(filePath) is { } at)
            return string.Create(CultureInfo.InvariantCulture, $"line {at}: a \\uD800–\\uDBFF escape without its low surrogate (\\uDC00–\\uDFFF) is not a character");
        if (inner is not JsonException { LineNumber: { } line, BytePositionInLine: { } bytes } json) return inner.Message;
        // System.Text.Json counts lines from 0 and columns in bytes; a person counts both from 1, in characters.
        long column = Column(filePath, line, bytes) ?? bytes + 1;
        return string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {column}: {Reason(json.Message)}");
    }

    private static long? Column(string? filePath, long line, long bytes)
    {
        if (filePath is null || !File.Exists(filePath)) return null;
        try
        {
            string? text = File.ReadLines(filePath).Skip(checked((int)line)).FirstOrDefault();
            if (text is null) return null;
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            return Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length)) + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the config provider's error is System.Text.Json refusing the text: besides its JsonException (wrapped), it
    /// throws InvalidOperationException for a string escape that no UTF-16 string can hold (a lone surrogate).
    /// </summary>
    public static bool IsJsonError(Exception exception) =>
        exception is InvalidDataException or FormatException
        || (exception is InvalidOperationException && exception.Source == "System.Text.Json");

    // The reader says only that a surrogate was incomplete, not where: find the first line with a lone high surrogate.
    private static int? LoneSurrogateLine(string? filePath)
    {
        if (filePath is null || !File.Exists(filePath)) return null;
        try
        {
            int number = 0;
            foreach (string text in File.ReadLines(filePath))
            {
                number++;
                if (LoneHighSurrogate().IsMatch(text)) return number;
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial System.Text.RegularExpressions.Regex LoneHighSurrogate();

    // The reader's message repeats the position ("… LineNumber: 2 | BytePositionInLine: 4."), which is said better above.
    private static string Reason(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }
}
