namespace Npa.Trainer.Retraining;

/// <summary>Undoes the export's spreadsheet formula guard (docs/flagged-frames.md): one leading apostrophe before a formula character.</summary>
internal static class FormulaCells
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Unescape(string cell)
    {
        if (cell.Length < 2 || cell[0] != '\'') return cell;
        string rest = cell.TrimStart('\'');
        return rest.Length > 0 && Triggers.Contains(rest[0]) ? cell[1..] : cell;
    }
}
