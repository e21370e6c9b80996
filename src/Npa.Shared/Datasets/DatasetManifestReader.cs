using CsvHelper;

namespace Npa.Shared.Datasets;

/// <summary>Reads a dataset manifest CSV (<c>path,label[,clean_label,subject,split,occluded,…extra]</c>).</summary>
public static class DatasetManifestReader
{
    internal const string ExpectedHeader = "path,label[,clean_label,subject,split,occluded,...]";

    /// <summary>Bad rows listed in the message; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>
    /// Reads and checks every row. Relative paths are resolved against the CSV's folder. Bad rows throw one
    /// <see cref="DatasetManifestException"/> naming the file and, for each bad row (the first
    /// <see cref="MaxListedProblems"/> listed, all counted), the line and the reason; nothing is returned partly.
    /// A bad header or malformed CSV stops the reading there, since the rows after it cannot be told apart.
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
        var problems = new List<DatasetManifestException>();
        var entries = new List<DatasetEntry>();
        try
        {
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
                throw new DatasetManifestException(fullPath, 1, "missing header (the file is empty); expected " + ExpectedHeader);
            var rows = new DatasetRowParser(fullPath, baseDir, options, header);
            while (csv.Read())
            {
                var fields = new string[csv.FieldCount];
                for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? "";
                try
                {
                    entries.Add(rows.Parse(fields, checked((int)csv.LineNumber)));
                }
                catch (DatasetManifestException bad)
                {
                    // A person fixing the file wants every bad row at once, not one per run.
                    problems.Add(bad);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            int? line = ex.LineNumber > 0 ? checked((int)ex.LineNumber) : null;
            problems.Add(new DatasetManifestException(fullPath, line, "malformed CSV: " + FirstLine(ex.Message), ex));
        }
        if (problems.Count == 1) throw problems[0];
        if (problems.Count > 0) throw DatasetManifestException.ForRows(fullPath, problems, MaxListedProblems);
        return entries;
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
