using System.Globalization;
using Spectre.Console;

namespace Npa.Trainer.Evaluation;

/// <summary>Prints a <see cref="ClassificationReport"/> with Spectre.Console: summary, per-class recall, confusion matrix.</summary>
public static class ReportPrinter
{
    /// <summary>Writes the report to the console.</summary>
    public static void Print(ClassificationReport report, IReadOnlyList<string> classNames, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(classNames);
        var summary = new Table().Title(Markup.Escape(title)).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("samples", report.Count.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("accuracy", Pct(report.Accuracy));
        summary.AddRow("macro-F1", F(report.MacroF1));
        summary.AddRow("MAE (class points)", F(report.MeanAbsoluteError));
        summary.AddRow("ECE (fused confidence)", F(report.ExpectedCalibrationError));
        AnsiConsole.Write(summary);

        var confusion = new Table().Title("confusion matrix (rows: true, columns: predicted)").AddColumn("true \\ pred");
        foreach (var name in classNames) confusion.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        confusion.AddColumn(new TableColumn("recall").RightAligned());
        for (int t = 0; t < classNames.Count; t++)
        {
            var cells = new List<string> { Markup.Escape(classNames[t]) };
            for (int p = 0; p < classNames.Count; p++)
            {
                string n = report.Confusion[t][p].ToString(CultureInfo.InvariantCulture);
                cells.Add(t == p ? $"[bold green]{n}[/]" : report.Confusion[t][p] == 0 ? $"[grey]{n}[/]" : n);
            }
            cells.Add(double.IsNaN(report.Recall[t]) ? "–" : Pct(report.Recall[t]));
            confusion.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(confusion);
    }

    private static string Pct(double v) => v.ToString("P2", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
