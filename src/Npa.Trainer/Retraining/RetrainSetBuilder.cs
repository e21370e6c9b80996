using System.Security.Cryptography;
using Npa.Shared.Datasets;

namespace Npa.Trainer.Retraining;

/// <summary>Joins the base training manifest and flagged-frame exports into one <see cref="RetrainSet"/>.</summary>
public static class RetrainSetBuilder
{
    /// <summary>Prefix of the group (subject) a flagged frame belongs to: its bed.</summary>
    public const string BedGroupPrefix = "bed:";

    /// <summary>
    /// De-duplicates (a frame id seen in several exports keeps its last label; an image whose bytes repeat keeps the
    /// flagged copy, else the first), keeps the base manifest's splits where it has them, and splits the remaining
    /// groups (flagged beds; base subjects, or single images without one) by <see cref="GroupSplitter"/>. Throws when
    /// a group would sit on both sides of a split.
    /// </summary>
    public static RetrainSet Build(IReadOnlyList<DatasetEntry> baseEntries, IReadOnlyList<FlaggedLabelFile> exports,
        double validationFraction, double heldoutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(baseEntries);
        ArgumentNullException.ThrowIfNull(exports);
        if (baseEntries.Any(e => e.Split is null) && baseEntries.Any(e => e.Split is not null))
            throw new InvalidDataException("the base manifest gives a split for some rows but not all; give it for every row or for none");

        var byId = new Dictionary<string, FlaggedLabel>(StringComparer.Ordinal);
        int duplicates = 0;
        foreach (var label in exports.SelectMany(f => f.Labels))
        {
            if (byId.ContainsKey(label.Id)) duplicates++;
            byId[label.Id] = label;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var flagged = new List<DatasetEntry>();
        foreach (var label in byId.Values)
        {
            if (!seen.Add(ContentHash(label.Path))) { duplicates++; continue; }
            flagged.Add(new DatasetEntry(label.Path, label.Label)
            {
                Subject = BedGroupPrefix + label.Bed,
                Extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["flag_id"] = label.Id, ["bed"] = label.Bed },
            });
        }
        var kept = new List<DatasetEntry>();
        foreach (var entry in baseEntries)
        {
            if (!seen.Add(ContentHash(entry.Path))) { duplicates++; continue; }
            kept.Add(entry);
        }

        var unsplit = flagged.Concat(kept.Where(e => e.Split is null)).ToArray();
        var assignment = GroupSplitter.Assign(unsplit.Select(Group), validationFraction, heldoutFraction, seed);
        var entries = kept.Where(e => e.Split is not null)
            .Concat(unsplit.Select(e => e with { Split = assignment[Group(e)] }))
            .ToArray();
        CheckGroupsOnOneSide(entries);
        return new RetrainSet(entries, kept.Count, flagged.Count, exports.Sum(f => f.CannotTell), exports.Sum(f => f.Unlabelled), duplicates);
    }

    private static string Group(DatasetEntry e) => e.Subject ?? "image:" + e.Path;

    private static void CheckGroupsOnOneSide(IEnumerable<DatasetEntry> entries)
    {
        foreach (var group in entries.Where(e => e.Subject is not null).GroupBy(e => e.Subject!, StringComparer.Ordinal))
        {
            var splits = group.Select(e => e.Split).Distinct().ToArray();
            if (splits.Length > 1)
                throw new InvalidDataException($"subject '{group.Key}' has rows in {string.Join(" and ", splits)}; "
                    + "the base manifest must keep each subject in one split (or give no split column)");
        }
    }

    private static string ContentHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
