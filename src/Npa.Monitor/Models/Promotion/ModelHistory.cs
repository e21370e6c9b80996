using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Models.Promotion;

/// <summary>The append-only model history: one JSON line per promotion or rollback, in a file of mode 0600.</summary>
public static class ModelHistory
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    /// <summary>Appends <paramref name="entry"/> as one line, flushed to disk before returning.</summary>
    public static void Append(string path, ModelHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("model files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        string full = Path.GetFullPath(path);
        PrivateFiles.EnsureDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, UnixCreateMode = PrivateFiles.FileMode };
        using var stream = new FileStream(full, options);
        File.SetUnixFileMode(full, PrivateFiles.FileMode);
        // One write per line, so a reader (the dashboard) never sees half of one.
        stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The entries as one indented JSON array, in the same snake_case as the file's lines.</summary>
    public static string ToJson(IReadOnlyList<ModelHistoryEntry> entries) =>
        JsonSerializer.Serialize(entries, Indented);

    /// <summary>Every entry, oldest first; no file gives none. A line that does not parse is named by its number.</summary>
    public static IReadOnlyList<ModelHistoryEntry> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var entries = new List<ModelHistoryEntry>();
        int number = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize<ModelHistoryEntry>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"model history {Path.GetFullPath(path)} line {number} is not a history entry: {ex.Message}", ex);
            }
        }
        return entries;
    }
}
