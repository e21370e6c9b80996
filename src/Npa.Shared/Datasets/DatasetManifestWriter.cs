using System.Globalization;
using CsvHelper;

namespace Npa.Shared.Datasets;

/// <summary>Writes a dataset manifest CSV that <see cref="DatasetManifestReader"/> reads back to the same entries.</summary>
public static class DatasetManifestWriter
{
    /// <summary>
    /// Writes <paramref name="entries"/> atomically (temporary file in the same folder, then rename). Paths under the
    /// CSV's folder are written relative to it, so a folder of images plus its manifest can be moved as one.
    /// Optional columns appear only when some entry uses them; extra columns follow in first-seen order.
    /// </summary>
    public static void Write(string csvPath, IEnumerable<DatasetEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        string fullPath = Path.GetFullPath(csvPath);
        string dir = Path.GetDirectoryName(fullPath)!;
        var extraColumns = ExtraColumns(list);
        CheckEntries(list, dir);

        bool clean = list.Any(e => e.CleanLabel.HasValue), subject = list.Any(e => e.Subject is not null);
        bool split = list.Any(e => e.Split.HasValue), occluded = list.Any(e => e.Occluded.HasValue);
        var header = new List<string> { DatasetManifestColumns.Path, DatasetManifestColumns.Label };
        if (clean) header.Add(DatasetManifestColumns.CleanLabel);
        if (subject) header.Add(DatasetManifestColumns.Subject);
        if (split) header.Add(DatasetManifestColumns.Split);
        if (occluded) header.Add(DatasetManifestColumns.Occluded);
        header.AddRange(extraColumns);

        Directory.CreateDirectory(dir);
        string temp = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }))
            {
                foreach (var name in header) csv.WriteField(name);
                csv.EndRecord();
                foreach (var e in list)
                {
                    csv.WriteField(RelativeIfInside(dir, e.Path));
                    csv.WriteField(e.Label.ToString(CultureInfo.InvariantCulture));
                    if (clean) csv.WriteField(e.CleanLabel?.ToString(CultureInfo.InvariantCulture) ?? "");
                    if (subject) csv.WriteField(e.Subject ?? "");
                    if (split) csv.WriteField(e.Split is { } s ? DatasetManifestColumns.SplitName(s) : "");
                    if (occluded) csv.WriteField(e.Occluded switch { true => "1", false => "0", null => "" });
                    foreach (var name in extraColumns) csv.WriteField(e.Extra.TryGetValue(name, out var v) ? v : "");
                    csv.EndRecord();
                }
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static List<string> ExtraColumns(List<DatasetEntry> entries)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Extra.Keys)
            {
                if (string.IsNullOrWhiteSpace(name) || name != name.Trim())
                    throw new ArgumentException($"extra column name '{name}' is empty or has surrounding spaces", nameof(entries));
                if (DatasetManifestColumns.IsKnown(name))
                    throw new ArgumentException($"extra column '{name}' clashes with a known column", nameof(entries));
                if (seen.Add(name)) names.Add(name);
            }
        }
        return names;
    }

    private static void CheckEntries(List<DatasetEntry> entries, string dir)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.Path)) throw new ArgumentException($"entry {i} has an empty path", nameof(entries));
            if (!seen.Add(Path.GetFullPath(Path.Combine(dir, e.Path))))
                throw new ArgumentException($"entry {i} repeats path '{e.Path}'", nameof(entries));
            if (e.Label < 0 || e.CleanLabel < 0)
                throw new ArgumentException($"entry {i} ('{e.Path}') has a negative label", nameof(entries));
        }
    }

    private static string RelativeIfInside(string dir, string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        string relative = Path.GetRelativePath(dir, path);
        bool inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal);
        return inside ? relative : path;
    }
}
