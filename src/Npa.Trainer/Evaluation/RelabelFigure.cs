using System.Globalization;
using ScottPlot;

namespace Npa.Trainer.Evaluation;

/// <summary>The paper's Fig. 3: relabel count per epoch (bars, left axis) and relabel precision (lines, right axis).</summary>
public static class RelabelFigure
{
    /// <summary>
    /// Draws <paramref name="series"/>: per variant, per epoch, the mean count and mean precision over seeds (NaN precision
    /// where no relabel had a known clean label).
    /// </summary>
    public static void Save(IReadOnlyList<(string Label, double[] Count, double[] Precision)> series, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var right = plot.Axes.Right;
        double width = 0.8 / Math.Max(1, series.Count);
        for (int s = 0; s < series.Count; s++)
        {
            var (label, count, precision) = series[s];
            // A variant's bars and precision line share one colour.
            var color = plot.Add.Palette.GetColor(s);
            var bars = plot.Add.Bars(count.Select((_, e) => e + 1 - 0.4 + width * (s + 0.5)).ToArray(), count);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width;
                bar.FillColor = color;
            }
            bars.LegendText = $"{label}: relabels";
            var xs = Enumerable.Range(0, precision.Length).Where(e => !double.IsNaN(precision[e])).Select(e => e + 1.0).ToArray();
            if (xs.Length == 0) continue;
            var line = plot.Add.Scatter(xs, xs.Select(x => precision[(int)x - 1] * 100).ToArray());
            line.Axes.YAxis = right;
            line.LegendText = $"{label}: precision %";
            line.LineWidth = 2;
            line.Color = color;
            line.MarkerSize = 6;
        }
        plot.Axes.SetLimitsY(0, 105, right);
        double top = series.SelectMany(x => x.Count).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.15, plot.Axes.Left);
        plot.XLabel("epoch");
        plot.YLabel("relabelled samples");
        right.Label.Text = "relabel precision (%)";
        plot.Title("Label rectification per epoch");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, 800, 480);
    }

    /// <summary>Mean over runs per epoch (runs may differ in length; missing epochs are skipped).</summary>
    public static double[] MeanPerEpoch(IEnumerable<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        int epochs = list.Count == 0 ? 0 : list.Max(r => r.Count);
        return Enumerable.Range(0, epochs).Select(e =>
        {
            var values = list.Where(r => e < r.Count && !double.IsNaN(r[e])).Select(r => r[e]).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }).ToArray();
    }

    internal static string Format(double v) => double.IsNaN(v) ? "–" : v.ToString("F1", CultureInfo.InvariantCulture);
}
