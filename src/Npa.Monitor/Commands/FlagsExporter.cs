using System.Globalization;
using Npa.Monitor.Storage;
using Npa.Shared.Datasets;

namespace Npa.Monitor.Commands;

/// <summary>Writes flagged frames as a folder of PNG crops plus a dataset manifest CSV for annotators and the trainer.</summary>
public static class FlagsExporter
{
    /// <summary>Name of the manifest inside the export folder.</summary>
    public const string ManifestFileName = "manifest.csv";

    /// <summary>
    /// Copies the crops of the frames with <paramref name="status"/> (all when null) into <paramref name="outDir"/>
    /// (0700, files 0600) and writes <see cref="ManifestFileName"/> with formula-safe cells
    /// (<see cref="CsvFormulaGuard"/>); exported pending frames become
    /// <see cref="RelabelStatus.Exported"/>. Refuses a folder that already holds a manifest. Returns the frames written.
    /// </summary>
    public static async Task<IReadOnlyList<FlaggedFrame>> ExportAsync(IFlaggedFrameStore store, string outDir, RelabelStatus? status, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        string folder = Path.GetFullPath(outDir);
        string manifest = Path.Combine(folder, ManifestFileName);
        if (File.Exists(manifest))
            throw new InvalidOperationException($"--out: '{folder}' already holds {ManifestFileName}; choose a new folder so that no annotator's work is overwritten");
        PrivateFiles.EnsureDirectory(folder);

        var frames = store.List(status);
        var entries = new List<DatasetEntry>(frames.Count);
        foreach (var frame in frames)
        {
            string source = store.CropPath(frame);
            if (!File.Exists(source))
                throw new FileNotFoundException($"crop of flagged frame {frame.Id} is missing: {source}", source);
            // Annotators get plain PNGs (0600 in a 0700 folder): a sealed crop is opened here, and one that fails its
            // check stops the export before the manifest is written, with the store untouched.
            string target = Path.Combine(folder, frame.PngFileName);
            await PrivateFiles.WriteAtomicAsync(target, await store.ReadCropAsync(frame, ct), ct);
            entries.Add(Entry(frame, target));
        }
        DatasetManifestWriter.Write(manifest, entries);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(manifest, PrivateFiles.FileMode);
        store.MarkExported([.. frames.Where(f => f.Status == RelabelStatus.Pending).Select(f => f.Id)]);
        return frames;
    }

    private static DatasetEntry Entry(FlaggedFrame f, string cropPath)
    {
        var inv = CultureInfo.InvariantCulture;
        var extra = new OrderedDictionary<string, string>(StringComparer.Ordinal)
        {
            [FlagsManifestColumns.Id] = f.Id,
            [FlagsManifestColumns.Bed] = f.Bed,
            [FlagsManifestColumns.Time] = f.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", inv),
            [FlagsManifestColumns.PredictedLevel] = f.PredictedLevel.ToString(inv),
            [FlagsManifestColumns.Confidence] = f.Probabilities.Max().ToString("0.####", inv),
            [FlagsManifestColumns.Reasons] = FlagReasonCodes.Format(f.Reasons),
            [FlagsManifestColumns.Alpha] = (f.AlphaA * f.AlphaB).ToString("0.####", inv),
            [FlagsManifestColumns.ModelId] = f.ModelId,
            [FlagsManifestColumns.Status] = f.Status.ToString().ToLowerInvariant(),
            [FlagsManifestColumns.LabelSource] = f.AnnotatorLabel is null ? "model" : "annotator",
            [FlagsManifestColumns.Annotator] = f.Annotator ?? "",
        };
        // Annotators open this file in a spreadsheet: an annotator or bed such as =HYPERLINK(…) must stay text there.
        foreach (string column in extra.Keys.ToList()) extra[column] = CsvFormulaGuard.Escape(extra[column]);
        return new DatasetEntry(cropPath, f.AnnotatorLabel ?? f.PredictedLevel) { Extra = extra };
    }
}
