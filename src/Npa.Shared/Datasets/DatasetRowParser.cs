using System.Globalization;

namespace Npa.Shared.Datasets;

/// <summary>Checks the header and turns each data row into a <see cref="DatasetEntry"/>, naming line and reason on error.</summary>
internal sealed class DatasetRowParser
{
    private readonly string _file;
    private readonly string _baseDir;
    private readonly DatasetManifestOptions _options;
    private readonly string[] _header;
    private readonly Dictionary<string, int> _column = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _seenPaths = new(StringComparer.Ordinal);

    public DatasetRowParser(string file, string baseDir, DatasetManifestOptions options, string[] header)
    {
        const int headerLine = 1;
        _file = file;
        _baseDir = baseDir;
        _options = options;
        _header = header.Select(h => h.Trim()).ToArray();
        for (int i = 0; i < _header.Length; i++)
        {
            if (_header[i].Length == 0) throw Bad(headerLine, $"bad header: column {i + 1} has no name");
            if (!_column.TryAdd(_header[i], i)) throw Bad(headerLine, $"bad header: column '{_header[i]}' appears twice");
        }
        foreach (var required in new[] { DatasetManifestColumns.Path, DatasetManifestColumns.Label })
        {
            if (!_column.ContainsKey(required))
                throw Bad(headerLine, $"bad header: no '{required}' column; expected {DatasetManifestReader.ExpectedHeader}");
        }
    }

    public DatasetEntry Parse(string[] fields, int line)
    {
        if (fields.Length != _header.Length)
            throw Bad(line, $"expected {_header.Length} fields as in the header, found {fields.Length}");

        string rawPath = Field(fields, DatasetManifestColumns.Path) ?? throw Bad(line, "empty path");
        // No file system accepts a NUL in a name; GetFullPath would throw an ArgumentException instead of a manifest error.
        if (rawPath.Contains('\0', StringComparison.Ordinal)) throw Bad(line, "path contains a NUL character");
        string fullPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(_baseDir, rawPath));
        if (_seenPaths.TryGetValue(fullPath, out int firstLine))
            throw Bad(line, $"duplicate path '{rawPath}' (first on line {firstLine})");
        _seenPaths.Add(fullPath, line);

        int label = ParseLabel(Field(fields, DatasetManifestColumns.Label) ?? throw Bad(line, "missing label"), DatasetManifestColumns.Label, line);
        int? cleanLabel = Field(fields, DatasetManifestColumns.CleanLabel) is { } clean
            ? ParseLabel(clean, DatasetManifestColumns.CleanLabel, line) : null;
        DatasetSplit? split = null;
        if (Field(fields, DatasetManifestColumns.Split) is { } splitText)
        {
            split = DatasetManifestColumns.TryParseSplit(splitText, out var s) ? s
                : throw Bad(line, $"unknown split '{splitText}' (expected train, val, test or val_clean)");
        }
        bool? occluded = null;
        if (Field(fields, DatasetManifestColumns.Occluded) is { } occludedText)
        {
            occluded = DatasetManifestColumns.TryParseFlag(occludedText, out var o) ? o
                : throw Bad(line, $"occluded '{occludedText}' is not a flag (expected 1/0, true/false or yes/no)");
        }

        if (_options.CheckFilesExist && !File.Exists(fullPath))
            throw Bad(line, $"image file not found: {fullPath}");

        return new DatasetEntry(fullPath, label)
        {
            CleanLabel = cleanLabel,
            Subject = Field(fields, DatasetManifestColumns.Subject),
            Split = split,
            Occluded = occluded,
            Extra = ExtraColumns(fields),
        };
    }

    private OrderedDictionary<string, string> ExtraColumns(string[] fields)
    {
        var extra = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < _header.Length; i++)
        {
            if (DatasetManifestColumns.IsKnown(_header[i])) continue;
            string value = fields[i].Trim();
            if (value.Length > 0) extra.Add(_header[i], value);
        }
        return extra;
    }

    private int ParseLabel(string text, string column, int line)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw Bad(line, $"{column} '{text}' is not an integer");
        if (value < 0 || value >= _options.ClassCount)
            throw Bad(line, $"{column} {value} is out of range 0..{_options.ClassCount - 1} ({_options.ClassCount} classes)");
        return value;
    }

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell empty.</summary>
    private string? Field(string[] fields, string column)
    {
        if (!_column.TryGetValue(column, out int index)) return null;
        string value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private DatasetManifestException Bad(int line, string reason) => new(_file, line, reason);
}
