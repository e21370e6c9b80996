using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Npa.Monitor.Hosting;

/// <summary>
/// Says where a config file's JSON is broken. The configuration provider wraps System.Text.Json's error twice
/// (InvalidDataException, then FormatException "Could not parse the JSON file."), and only the innermost one knows the line.
/// </summary>
public static class JsonConfigErrors
{
    /// <summary>"line 3, column 5: reason" for a JSON syntax error, or the innermost message (a duplicate key, a top level that is not an object).</summary>
    public static string Describe(Exception exception, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner is not JsonException && inner.InnerException is { } next) inner = next;
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

    // The reader's message repeats the position ("… LineNumber: 2 | BytePositionInLine: 4."), which is said better above.
    private static string Reason(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }
}
