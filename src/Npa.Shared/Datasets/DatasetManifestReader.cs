using CsvHelper;

namespace Npa.Shared.Datasets;

/// <summary>Reads a dataset manifest CSV (<c>path,label[,clean_label,subject,split,occluded,…extra]</c>).</summary>
public static class DatasetManifestReader
{
    internal const string ExpectedHeader = "path,label[,clean_label,subject,split,occluded,...]";

    /// <summary>
    /// Reads and checks every row. Relative paths are resolved against the CSV's folder. Any bad row throws a
    /// <see cref="DatasetManifestException"/> naming the file, the line and the reason; nothing is returned partly.
    /// </summary>
    public static IReadOnlyList<DatasetEntry> Read(string csvPath, DatasetManifestOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        options ??= DatasetManifestOptions.Default;
        options.Validate();
        string fullPath = Path.GetFullPath(csvPath);
        if (!File.Exists(fullPath)) throw new DatasetManifestException(fullPath, null, "manifest file not found");
        string baseDir = Path.GetDirectoryName(fullPath)!;

        using var stream = File.OpenRead(fullPath);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        });
        try
        {
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
                throw new DatasetManifestException(fullPath, 1, "missing header (the file is empty); expected " + ExpectedHeader);
            var rows = new DatasetRowParser(fullPath, baseDir, options, header);
            var entries = new List<DatasetEntry>();
            while (csv.Read())
            {
                var fields = new string[csv.FieldCount];
                for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? "";
                entries.Add(rows.Parse(fields, checked((int)csv.LineNumber)));
            }
            return entries;
        }
        catch (CsvFormatException ex)
        {
            int? line = ex.LineNumber > 0 ? checked((int)ex.LineNumber) : null;
            throw new DatasetManifestException(fullPath, line, "malformed CSV: " + FirstLine(ex.Message), ex);
        }
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
