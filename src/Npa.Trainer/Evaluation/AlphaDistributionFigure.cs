using ScottPlot;

namespace Npa.Trainer.Evaluation;

/// <summary>Histograms of the fused α of clean and of noisy training samples per variant: does α separate them?</summary>
public static class AlphaDistributionFigure
{
    /// <summary>Bins of the histograms.</summary>
    public const int Bins = 25;

    /// <summary>
    /// Draws, per variant, the share of clean samples (solid) and of noisy samples (dashed) in each α bin, over the range
    /// the samples span; both curves of a variant share one colour.
    /// </summary>
    public static void Save(IReadOnlyList<(string Label, IReadOnlyList<AlphaSample> Samples)> series, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.SelectMany(s => s.Samples).Select(s => s.Alpha).ToArray();
        if (all.Length == 0) throw new ArgumentException("no α samples to draw", nameof(series));
        double low = all.Min(), high = Math.Max(all.Max(), low + 1e-6);
        var plot = new Plot();
        for (int s = 0; s < series.Count; s++)
        {
            var color = plot.Add.Palette.GetColor(s);
            foreach (bool noisy in new[] { false, true })
            {
                var values = series[s].Samples.Where(x => x.Noisy == noisy).Select(x => x.Alpha).ToArray();
                if (values.Length == 0) continue;
                var (centres, shares) = Histogram(values, low, high);
                var line = plot.Add.Scatter(centres, shares.Select(v => v * 100).ToArray());
                line.Color = color;
                line.LineWidth = 2;
                line.MarkerSize = 0;
                line.LinePattern = noisy ? LinePattern.Dashed : LinePattern.Solid;
                line.LegendText = $"{series[s].Label}: {(noisy ? "noisy" : "clean")} (n = {values.Length})";
            }
        }
        plot.XLabel("fused α in the last epoch");
        plot.YLabel("share of the group (%)");
        plot.Title("α of clean and noisy training labels");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, 800, 480);
    }

    /// <summary>Bin centres and the share of <paramref name="values"/> in each of <see cref="Bins"/> equal bins over [low, high].</summary>
    public static (double[] Centres, double[] Shares) Histogram(IReadOnlyList<double> values, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(values);
        double width = (high - low) / Bins;
        var counts = new double[Bins];
        foreach (double v in values) counts[Math.Clamp((int)((v - low) / width), 0, Bins - 1)]++;
        return (Enumerable.Range(0, Bins).Select(b => low + (b + 0.5) * width).ToArray(),
            counts.Select(c => values.Count == 0 ? 0 : c / values.Count).ToArray());
    }
}
