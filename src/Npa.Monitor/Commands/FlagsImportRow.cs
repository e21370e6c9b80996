using System.Globalization;
using Npa.Monitor.Storage;
using Npa.Shared.Datasets;
using Npa.Shared.Nips;

namespace Npa.Monitor.Commands;

/// <summary>
/// Checks the data rows of an annotator CSV one at a time against the flagged store, so the file is read as a stream.
/// Every problem of a row is reported, not only its first, and the rows seen so far are remembered only by id.
/// </summary>
internal sealed class FlagsImportRow
{
    private const int MaxAnnotatorLength = 100;

    private readonly IFlaggedFrameStore _store;
    private readonly string _file;
    private readonly string _folder;
    private readonly string? _defaultAnnotator;
    private readonly FlagsImportHeader _header;
    private readonly Dictionary<string, long> _lineOfId = new(StringComparer.Ordinal);

    public FlagsImportRow(IFlaggedFrameStore store, string file, FlagsImportHeader header, string? defaultAnnotator)
    {
        _store = store;
        _file = file;
        _folder = Path.GetDirectoryName(file)!;
        _header = header;
        _defaultAnnotator = defaultAnnotator;
    }

    /// <summary>Adds the row's problems to <paramref name="problems"/>; returns its label when it has none.</summary>
    public AnnotatorLabel? Check(IReadOnlyList<string> fields, long line, long row, List<FlagsImportProblem> problems)
    {
        int before = problems.Count;
        void Bad(string? column, string? value, string reason) => problems.Add(new FlagsImportProblem(_file, line, row, column, value, reason));

        if (fields.Count != _header.Count)
        {
            Bad(null, null, $"expected {_header.Count} fields as in the header, found {fields.Count}");
            return null;
        }
        string id = Cell(fields, _header.Id);
        string path = Cell(fields, _header.Path);
        string labelText = Cell(fields, _header.Label);
        FlaggedFrame? frame = null;
        if (id.Length == 0) Bad(FlagsManifestColumns.Id, null, "is empty");
        else if (_lineOfId.TryGetValue(id, out long first)) Bad(FlagsManifestColumns.Id, id, $"repeats line {first}");
        else
        {
            _lineOfId[id] = line;
            frame = _store.Find(id);
            if (frame is null) Bad(FlagsManifestColumns.Id, id, "no flagged frame in the store has this id");
        }
        if (frame is not null && !IsCropOf(path, frame))
            Bad(DatasetManifestColumns.Path, path, $"is not the crop of flagged frame {id}; expected '{frame.PngFileName}' beside the CSV, as exported");
        if (!int.TryParse(labelText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int label))
            Bad(DatasetManifestColumns.Label, labelText, "is not an integer NIPS level");
        else if (!NipsScale.IsValidScore(label))
            Bad(DatasetManifestColumns.Label, labelText, $"is out of range 0..{NipsScale.MaxScore}");
        string? annotator = _header.Annotator is { } a && Cell(fields, a) is { Length: > 0 } cell
            ? CsvFormulaGuard.Unescape(cell) : _defaultAnnotator;
        if (string.IsNullOrWhiteSpace(annotator))
            Bad(FlagsManifestColumns.Annotator, null, $"is empty; fill the '{FlagsManifestColumns.Annotator}' column or pass --annotator");
        else if (annotator.Length > MaxAnnotatorLength || annotator.Any(char.IsControl))
            Bad(FlagsManifestColumns.Annotator, annotator, $"must be at most {MaxAnnotatorLength} characters without control characters");
        return problems.Count == before ? new AnnotatorLabel(id, label, annotator!) : null;
    }

    private static string Cell(IReadOnlyList<string> fields, int index) => fields[index].Trim();

    // The path is only ever the crop's file name beside the manifest ('flags export' writes it so): anything else,
    // such as ../../etc/passwd, would point the trainer at a file that is not this frame.
    private bool IsCropOf(string path, FlaggedFrame frame)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) return false;
        string expected = Path.Combine(_folder, frame.PngFileName);
        return string.Equals(Path.GetFullPath(Path.Combine(_folder, path)), expected, StringComparison.Ordinal);
    }
}
