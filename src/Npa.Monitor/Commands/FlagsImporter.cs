using CsvHelper;
using Npa.Monitor.Storage;
using Npa.Shared.Datasets;

namespace Npa.Monitor.Commands;

/// <summary>Records annotators' labels from a flagged-frame manifest CSV, all rows or none.</summary>
public static class FlagsImporter
{
    private const int MaxReported = 20;

    /// <summary>
    /// Checks every row first (dataset manifest format, an <c>id</c> known to the store, label 0..7, an annotator
    /// from the column or <paramref name="defaultAnnotator"/>, no id twice), then applies all labels in one
    /// transaction. Any bad row throws <see cref="FlagsImportException"/> naming each bad line; nothing is applied.
    /// </summary>
    public static IReadOnlyList<AnnotatorLabel> Import(IFlaggedFrameStore store, string csvPath, string? defaultAnnotator = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        string file = Path.GetFullPath(csvPath);
        IReadOnlyList<DatasetEntry> entries;
        try
        {
            // The crops may stay with the annotators: only the CSV comes back.
            entries = DatasetManifestReader.Read(file, DatasetManifestOptions.Default with { CheckFilesExist = false });
        }
        catch (DatasetManifestException ex)
        {
            throw new FlagsImportException([ex.Message]);
        }
        var (header, lines) = HeaderAndLines(file);
        if (!header.Contains(FlagsManifestColumns.Id))
            throw new FlagsImportException([$"{file}, line 1: bad header: no '{FlagsManifestColumns.Id}' column; expected the manifest written by 'flags export'"]);
        if (lines.Count != entries.Count) throw new FlagsImportException([$"{file}: rows could not be matched to lines"]);

        var problems = new List<string>();
        var labels = new List<AnnotatorLabel>(entries.Count);
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            string where = $"{file}, line {lines[i]}";
            if (!entry.Extra.TryGetValue(FlagsManifestColumns.Id, out string? id))
            {
                problems.Add($"{where}: empty id");
                continue;
            }
            if (firstLineOfId.TryGetValue(id, out int first)) problems.Add($"{where}: id {id} repeats line {first}");
            else firstLineOfId[id] = lines[i];
            if (store.Find(id) is null) problems.Add($"{where}: unknown flagged frame id '{id}'");
            string? annotator = entry.Extra.TryGetValue(FlagsManifestColumns.Annotator, out string? a) ? a : defaultAnnotator;
            if (string.IsNullOrWhiteSpace(annotator))
                problems.Add($"{where}: no annotator; fill the '{FlagsManifestColumns.Annotator}' column or pass --annotator");
            else labels.Add(new AnnotatorLabel(id, entry.Label, annotator));
        }
        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxReported).ToList();
            if (problems.Count > MaxReported) shown.Add($"… and {problems.Count - MaxReported} more problems");
            throw new FlagsImportException(shown);
        }
        store.ApplyLabels(labels);
        return labels;
    }

    /// <summary>The header and the line number of each data row, read with the same CSV rules as the manifest reader.</summary>
    private static (HashSet<string> Header, List<int> Lines) HeaderAndLines(string file)
    {
        using var stream = File.OpenRead(file);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, SkipEmptyLines = true, TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        });
        var header = csv.Headers.Select(h => h.Trim()).ToHashSet(StringComparer.Ordinal);
        var lines = new List<int>();
        while (csv.Read()) lines.Add(checked((int)csv.LineNumber));
        return (header, lines);
    }
}
