using System.Globalization;
using System.Text;

namespace Npa.Monitor.Models.Promotion;

/// <summary>The model history as a plain-text table for <c>npa-monitor models history</c>.</summary>
public static class ModelHistoryTable
{
    private static readonly string[] Headers = ["time (UTC)", "action", "model", "sha256", "from", "by"];

    /// <summary>One row per entry, oldest first, columns padded to their widest cell; the sha256 is cut to 12 digits.</summary>
    public static string Format(IReadOnlyList<ModelHistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return "no promotion or rollback recorded yet";
        var rows = entries.Select(e => new[]
        {
            e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.Action == ModelAction.Promote ? "promote" : "rollback",
            e.ModelId,
            e.Sha256[..Math.Min(12, e.Sha256.Length)],
            e.FromId ?? "-",
            e.By,
        }).Prepend(Headers).ToList();
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length))];
        var text = new StringBuilder();
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString().TrimEnd();
    }
}
