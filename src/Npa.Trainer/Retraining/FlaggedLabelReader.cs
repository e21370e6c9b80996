using System.Globalization;
using CsvHelper;
using Npa.Shared.Datasets;
using Npa.Shared.Nips;

namespace Npa.Trainer.Retraining;

/// <summary>
/// Reads the manifest of a flagged-frame export folder (docs/flagged-frames.md): <c>path,label,…,id,bed,…,label_source,…</c>.
/// Only annotator labels are training data: rows whose <c>label_source</c> is <c>model</c> still carry the model's guess,
/// and a <c>label</c> of <c>cannot_tell</c> (or a <c>label_source</c> of <c>cannot_tell</c>) means the annotator could not score the face.
/// </summary>
public static class FlaggedLabelReader
{
    /// <summary>The label (or label source) an annotator gives a frame they cannot score.</summary>
    public const string CannotTell = "cannot_tell";

    // Column names of Npa.Monitor's FlagsManifestColumns; the Trainer may not reference the Monitor, so the contract is repeated here.
    private const string IdColumn = "id", BedColumn = "bed", LabelSourceColumn = "label_source";

    /// <summary>Reads <paramref name="folderOrCsv"/> (an export folder holding manifest.csv, or the CSV itself); any bad row throws, naming its line.</summary>
    public static FlaggedLabelFile Read(string folderOrCsv)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folderOrCsv);
        string csvPath = Path.GetFullPath(Directory.Exists(folderOrCsv) ? Path.Combine(folderOrCsv, "manifest.csv") : folderOrCsv);
        if (!File.Exists(csvPath)) throw new DatasetManifestException(csvPath, null, "flagged-frame manifest not found");
        string baseDir = Path.GetDirectoryName(csvPath)!;
        using var stream = File.OpenRead(csvPath);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, SkipEmptyLines = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
        });
        var header = csv.Headers.ToArray();
        int Column(string name) => Array.IndexOf(header, name) is int i and >= 0 ? i
            : throw new DatasetManifestException(csvPath, 1, $"the header has no '{name}' column; is this a flags export manifest?");
        int path = Column(DatasetManifestColumns.Path), label = Column(DatasetManifestColumns.Label);
        int id = Column(IdColumn), bed = Column(BedColumn), source = Column(LabelSourceColumn);
        var labels = new List<FlaggedLabel>();
        int cannotTell = 0, unlabelled = 0;
        while (csv.Read())
        {
            int line = checked((int)csv.LineNumber);
            string Cell(int i) => i < csv.FieldCount ? FormulaCells.Unescape(csv.GetString(i) ?? "").Trim() : "";
            string labelText = Cell(label), sourceText = Cell(source);
            if (labelText.Equals(CannotTell, StringComparison.OrdinalIgnoreCase) || sourceText.Equals(CannotTell, StringComparison.OrdinalIgnoreCase))
            {
                cannotTell++;
                continue;
            }
            if (sourceText != "annotator")
            {
                unlabelled++;
                continue;
            }
            if (!int.TryParse(labelText, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value >= NipsScale.ClassCount)
                throw new DatasetManifestException(csvPath, line, $"label '{labelText}' is not a NIPS level 0–{NipsScale.ClassCount - 1} or {CannotTell}");
            string frameId = Cell(id), frameBed = Cell(bed), crop = Cell(path);
            if (frameId.Length == 0 || frameBed.Length == 0 || crop.Length == 0)
                throw new DatasetManifestException(csvPath, line, "id, bed and path must not be empty");
            string full = Path.GetFullPath(Path.Combine(baseDir, crop));
            if (!File.Exists(full)) throw new DatasetManifestException(csvPath, line, $"crop not found: {full}");
            labels.Add(new FlaggedLabel(frameId, frameBed, full, value, csvPath));
        }
        return new FlaggedLabelFile(labels, cannotTell, unlabelled);
    }
}
