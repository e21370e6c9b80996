using System.Globalization;
using ScottPlot;

namespace Npa.Trainer.Evaluation;

/// <summary>Draws a confusion matrix (rows: true class, top to bottom; columns: predicted class) as a PNG heatmap with counts.</summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Writes the matrix of <paramref name="report"/> to <paramref name="pngPath"/>.</summary>
    public static void Save(ClassificationReport report, IReadOnlyList<string> classNames, string pngPath, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(classNames);
        int c = report.Confusion.Count;
        if (classNames.Count != c) throw new ArgumentException($"{classNames.Count} class names for a {c}×{c} matrix", nameof(classNames));
        // Row-normalised (recall per cell), so that colour compares classes of different size.
        var intensity = new double[c, c];
        for (int t = 0; t < c; t++)
        {
            int total = report.Confusion[t].Sum();
            for (int p = 0; p < c; p++) intensity[t, p] = total == 0 ? 0 : (double)report.Confusion[t][p] / total;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensity);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (int t = 0; t < c; t++)
        {
            for (int p = 0; p < c; p++)
            {
                // Heatmap cell (p, t) is centred on x = p and, with row 0 drawn at the top, on y = c − 1 − t.
                var text = plot.Add.Text(report.Confusion[t][p].ToString(CultureInfo.InvariantCulture), p, c - 1 - t);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = intensity[t, p] > 0.5 ? Colors.Black : Colors.White;
                text.LabelFontSize = 14;
            }
        }
        var positions = Enumerable.Range(0, c).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, classNames.ToArray());
        plot.Axes.Left.SetTicks(positions, classNames.Reverse().ToArray());
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title} (accuracy {report.Accuracy:P1})"));
        plot.Add.ColorBar(heatmap);
        plot.SavePng(pngPath, 640, 560);
    }
}
