using System.Globalization;
using Npa.Shared.Datasets;

namespace Npa.Trainer.Data;

/// <summary>Reads an image folder with one subfolder per class into dataset entries.</summary>
public static class ImageFolderReader
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
        { ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm" };

    /// <summary>
    /// Subfolders named 0..C−1 give those labels; otherwise subfolders are matched to <paramref name="classNames"/> (or,
    /// when null, sorted by name and numbered). Returns the entries and the class names.
    /// </summary>
    public static (IReadOnlyList<DatasetEntry> Entries, IReadOnlyList<string> ClassNames) Read(string folder, IReadOnlyList<string>? classNames)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"image folder not found: {folder}");
        var subfolders = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        if (subfolders.Count < 2)
            throw new InvalidDataException($"image folder {folder} must hold one subfolder per class (at least 2), found {subfolders.Count}");
        bool numeric = subfolders.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        IReadOnlyList<string> names;
        Func<string, int> labelOf;
        if (classNames is not null)
        {
            names = classNames;
            labelOf = s =>
            {
                int byName = IndexOf(classNames, s);
                if (byName >= 0) return byName;
                if (numeric && int.Parse(s, CultureInfo.InvariantCulture) < classNames.Count) return int.Parse(s, CultureInfo.InvariantCulture);
                throw new InvalidDataException($"subfolder '{s}' of {folder} is not a class name ({string.Join(", ", classNames)}) nor an index below {classNames.Count}");
            };
        }
        else if (numeric)
        {
            int max = subfolders.Max(s => int.Parse(s, CultureInfo.InvariantCulture));
            names = Enumerable.Range(0, Math.Max(max + 1, 2)).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            labelOf = s => int.Parse(s, CultureInfo.InvariantCulture);
        }
        else
        {
            names = subfolders;
            labelOf = s => IndexOf(subfolders, s);
        }
        var entries = new List<DatasetEntry>();
        foreach (var sub in subfolders)
        {
            int label = labelOf(sub);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, sub)).Order(StringComparer.Ordinal))
                if (Extensions.Contains(Path.GetExtension(file))) entries.Add(new DatasetEntry(Path.GetFullPath(file), label));
        }
        if (entries.Count == 0) throw new InvalidDataException($"image folder {folder} holds no images ({string.Join(", ", Extensions)})");
        return (entries, names);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++) if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
