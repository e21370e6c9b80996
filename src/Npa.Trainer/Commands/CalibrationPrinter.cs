using System.Globalization;
using Npa.Trainer.Calibration;
using Spectre.Console;

namespace Npa.Trainer.Commands;

/// <summary>Prints what the run's validation-fitted temperature does to an evaluated split's calibration.</summary>
public static class CalibrationPrinter
{
    /// <summary>One table: T, and ECE (and validation NLL) with and without it; a line when there is no validation split.</summary>
    public static void Print(TemperatureEvaluation? calibration, string split)
    {
        if (calibration is null)
        {
            AnsiConsole.MarkupLine("calibration: the run has no validation split, so no temperature is fitted (T = 1)");
            return;
        }
        var fit = calibration.Fit;
        string bound = TemperatureScaling.IsAtSearchBound(fit.Temperature) ? ", at the search bound" : "";
        var table = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"temperature scaling: T = {fit.Temperature:F4}{bound}, fitted on {fit.Samples} val samples{(fit.ThroughNoiseModel ? " through the assumed noise model" : "")}")))
            .AddColumn("metric").AddColumn(new TableColumn("T = 1").RightAligned()).AddColumn(new TableColumn("fitted T").RightAligned());
        table.AddRow($"ECE ({Markup.Escape(split)}, scored as above)", F(calibration.EceBefore), F(calibration.EceAfter));
        table.AddRow("ECE (val, labels as given: the fit)", F(fit.EceBefore), F(fit.EceAfter));
        table.AddRow(fit.ThroughNoiseModel ? "NLL (val, labels through the assumed noise model: the fit)" : "NLL (val, labels as given: the fit)",
            F(fit.NllBefore), F(fit.NllAfter));
        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
