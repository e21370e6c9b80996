using CsvHelper;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Commands;

/// <summary>Records annotators' labels from a flagged-frame manifest CSV, all rows or none.</summary>
public static class FlagsImporter
{
    /// <summary>Most data rows read unless told otherwise (<c>--max-rows</c>): more than a store's worth of frames.</summary>
    public const int DefaultMaxRows = 50_000;

    // No record of an honest manifest comes near this; a file with an unclosed quote is refused here, not buffered whole.
    private const int MaxRecordBytes = 64 * 1024;

    /// <summary>
    /// Reads the CSV as a stream and checks every row against the store (a known <c>id</c> once only, its crop as
    /// the <c>path</c>, label 0..7, an annotator from the column or <paramref name="defaultAnnotator"/>), then applies
    /// all labels in one transaction. Any problem throws <see cref="FlagsImportException"/> listing each one (line, row,
    /// column, value, reason) and nothing is applied. A file of more than <paramref name="maxRows"/> rows is refused
    /// as soon as the row after the limit is reached.
    /// </summary>
    public static IReadOnlyList<AnnotatorLabel> Import(IFlaggedFrameStore store, string csvPath, string? defaultAnnotator = null, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        string file = Path.GetFullPath(csvPath);
        if (!File.Exists(file)) throw new FlagsImportException([new FlagsImportProblem(file, null, null, null, null, "file not found")]);

        var problems = new List<FlagsImportProblem>();
        var labels = new List<AnnotatorLabel>();
        using (var stream = File.OpenRead(file))
        using (var csv = CsvReader.Create(stream, ReaderOptions))
        {
            try
            {
                var header = FlagsImportHeader.Parse(file, csv.Headers.ToArray(), problems)
                    ?? throw new FlagsImportException(problems);
                var rows = new FlagsImportRow(store, file, header, defaultAnnotator);
                var fields = new List<string>();
                while (csv.Read())
                {
                    if (csv.RowNumber > maxRows) throw TooManyRows(file, csv.LineNumber, maxRows, problems.Count);
                    fields.Clear();
                    for (int i = 0; i < csv.FieldCount; i++) fields.Add(csv.GetString(i) ?? "");
                    if (rows.Check(fields, csv.LineNumber, csv.RowNumber, problems) is { } label) labels.Add(label);
                }
            }
            catch (CsvFormatException ex)
            {
                // The rest of the file cannot be split into rows reliably: report what was found up to here.
                long? line = ex.LineNumber > 0 ? ex.LineNumber : null;
                problems.Add(new FlagsImportProblem(file, line, ex.RecordNumber > 0 ? ex.RecordNumber : null, null, null, "malformed CSV: " + FirstLine(ex.Message)));
            }
        }
        if (problems.Count > 0) throw new FlagsImportException(problems);
        store.ApplyLabels(labels);
        return labels;
    }

    private static CsvReaderOptions ReaderOptions => new()
    {
        Separator = ',', HasHeader = true, SkipEmptyLines = true, TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = MaxRecordBytes,
    };

    private static FlagsImportException TooManyRows(string file, long line, int maxRows, int problemsSoFar)
    {
        string found = problemsSoFar > 0 ? $" ({problemsSoFar} problem(s) in the rows before it)" : "";
        return new FlagsImportException([new FlagsImportProblem(file, line, maxRows + 1L, null, null,
            $"more than {maxRows} rows{found}; split the file, or raise the limit with --max-rows")]);
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
