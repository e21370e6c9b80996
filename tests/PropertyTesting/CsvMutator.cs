using System.Text;
using CsCheck;

namespace Npa.PropertyTesting;

/// <summary>
/// Generates CSV files near a valid table: cells swapped for hostile values, fields added or dropped, rows repeated,
/// header names changed, and sometimes a stray quote, as an annotator's spreadsheet or a hand edit would leave them.
/// </summary>
internal static class CsvMutator
{
    private static readonly string[] HostileCells =
    [
        "", " ", "-1", "8", "7", "0", "3.5", "1e3", "+3", "٣", "abc", "NaN", "\"", "a,b", "x\ny", "../../etc/passwd", "/etc/passwd",
        "=HYPERLINK(\"x\")", "'=1", "\0", "\t", "train", "test", "maybe", "yes", new string('z', 300), "é\uFFFD",
    ];

    /// <summary>CSV texts derived from <paramref name="header"/> and <paramref name="rows"/> by one to five edits.</summary>
    public static Gen<string> Near(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        return Gen.Select(Gen.Int.Array[1, 5], Gen.Int[0, 99], Gen.Int, (edits, rawChance, rawSeed) =>
        {
            var table = new List<List<string>> { header.ToList() };
            table.AddRange(rows.Select(r => r.ToList()));
            foreach (int edit in edits) Edit(table, new Random(edit));
            string text = Write(table);
            if (rawChance < 10)
            {
                var random = new Random(rawSeed);
                text = text.Insert(random.Next(text.Length + 1), random.Next(2) == 0 ? "\"" : ",");
            }
            return text;
        });
    }

    private static void Edit(List<List<string>> table, Random random)
    {
        var row = table[random.Next(table.Count)];
        int col = row.Count == 0 ? 0 : random.Next(row.Count);
        string value = HostileCells[random.Next(HostileCells.Length)];
        switch (random.Next(6))
        {
            case 0 or 1:
                if (row.Count > 0) row[col] = value;
                break;
            case 2:
                row.Insert(Math.Min(col, row.Count), value);
                break;
            case 3:
                if (row.Count > 0) row.RemoveAt(col);
                break;
            case 4:
                table.Insert(random.Next(1, table.Count + 1), [.. row]);
                break;
            default:
                if (table.Count > 1) table.RemoveAt(random.Next(1, table.Count));
                break;
        }
    }

    private static string Write(List<List<string>> table)
    {
        var text = new StringBuilder();
        foreach (var row in table) text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
