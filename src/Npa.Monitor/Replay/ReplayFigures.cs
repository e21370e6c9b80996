using System.Globalization;
using Npa.Shared.Messages;
using Npa.Shared.Nips;
using ScottPlot;

namespace Npa.Monitor.Replay;

/// <summary>The replay's PNGs: one timeline per bed and the band confusion matrix.</summary>
public static class ReplayFigures
{
    private static readonly string[] Bands = ["no pain 0–2", "mild–mod 3–4", "severe ≥5"];

    /// <summary>Scripted NIPS, published raw and smoothed score, alert spans (top band, coloured by category) and no-face/offline spans (bottom band).</summary>
    public static void Timeline(ReplayRecording recording, string bed, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(recording);
        double Minutes(DateTimeOffset t) => (t - recording.Start).TotalMinutes;
        var plot = new Plot();
        var truth = recording.Truth.Where(t => t.BedId == bed).OrderBy(t => t.Timestamp).ToList();
        var script = plot.Add.Scatter(truth.Select(t => Minutes(t.Timestamp)).ToArray(), truth.Select(t => (double)t.Nips).ToArray());
        script.ConnectStyle = ConnectStyle.StepHorizontal;
        script.MarkerSize = 0;
        script.LineWidth = 2;
        script.Color = Colors.Black;
        script.LegendText = "scripted NIPS";
        var raw = recording.Assessments.Where(a => a.BedId == bed).ToList();
        if (raw.Count > 0)
        {
            var points = plot.Add.ScatterPoints(raw.Select(a => Minutes(a.Time)).ToArray(), raw.Select(a => a.Score).ToArray());
            points.MarkerSize = 2;
            points.Color = Colors.SteelBlue.WithAlpha(0.6);
            points.LegendText = "published score";
        }
        var states = recording.States.Where(s => s.BedId == bed && s.SmoothedScore is not null).ToList();
        if (states.Count > 0)
        {
            var smooth = plot.Add.Scatter(states.Select(s => Minutes(s.Time)).ToArray(), states.Select(s => s.SmoothedScore!.Value).ToArray());
            smooth.MarkerSize = 0;
            smooth.LineWidth = 1.5f;
            smooth.Color = Colors.DarkOrange;
            smooth.LegendText = "smoothed (state)";
        }
        foreach (var span in AlertScoring.Spans(recording, bed))
        {
            var category = span.Events.Max(e => e.Category);
            var color = category == NipsCategory.Severe ? Colors.Red : category == NipsCategory.MildToModerate ? Colors.Gold : Colors.Green;
            Band(plot, Minutes(span.Start), Minutes(span.End), 7.3, 7.9, color.WithAlpha(0.8));
        }
        foreach (var (from, to) in NoFaceSpans(recording, bed)) Band(plot, Minutes(from), Minutes(to), -0.9, -0.3, Colors.Gray.WithAlpha(0.7));
        plot.Axes.SetLimitsY(-1, 8);
        plot.Axes.SetLimitsX(0, recording.Duration.TotalMinutes);
        plot.XLabel("minutes");
        plot.YLabel("NIPS");
        plot.Title($"{bed}: top band alerts (gold mild–moderate, red severe), bottom band no face / offline");
        plot.ShowLegend(Alignment.UpperLeft);
        int width = (int)Math.Clamp(recording.Duration.TotalMinutes * 40, 1000, 4000);
        plot.SavePng(pngPath, width, 420);
    }

    /// <summary>Rows: scripted band, columns: published category; cells row-normalised in colour, counts as text.</summary>
    public static void Confusion(ReplayReport report, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        var intensity = new double[3, 3];
        for (int t = 0; t < 3; t++)
        {
            int total = report.BandConfusion[t].Sum();
            for (int p = 0; p < 3; p++) intensity[t, p] = total == 0 ? 0 : (double)report.BandConfusion[t][p] / total;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensity);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (int t = 0; t < 3; t++)
        {
            for (int p = 0; p < 3; p++)
            {
                var text = plot.Add.Text(report.BandConfusion[t][p].ToString(CultureInfo.InvariantCulture), p, 2 - t);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = intensity[t, p] > 0.5 ? Colors.Black : Colors.White;
                text.LabelFontSize = 16;
            }
        }
        double[] positions = [0, 1, 2];
        plot.Axes.Bottom.SetTicks(positions, Bands);
        plot.Axes.Left.SetTicks(positions, Bands.Reverse().ToArray());
        plot.XLabel("published category");
        plot.YLabel("scripted band");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Band confusion (accuracy {report.BandAccuracy ?? 0:P1}, {report.ScoredFrames} frames)"));
        plot.Add.ColorBar(heatmap);
        plot.SavePng(pngPath, 680, 560);
    }

    private static void Band(Plot plot, double x1, double x2, double y1, double y2, Color color)
    {
        var rect = plot.Add.Rectangle(x1, Math.Max(x2, x1 + 0.01), y1, y2);
        rect.FillColor = color;
        rect.LineWidth = 0;
    }

    /// <summary>Periods the status topic said no_face or offline.</summary>
    internal static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> NoFaceSpans(ReplayRecording recording, string bed)
    {
        DateTimeOffset? since = null;
        foreach (var s in recording.Statuses.Where(s => s.BedId == bed).OrderBy(s => s.Seq))
        {
            bool missing = s.Status is BedStatus.NoFace or BedStatus.Offline;
            if (missing && since is null) since = s.Time;
            else if (!missing && since is { } from)
            {
                yield return (from, s.Time);
                since = null;
            }
        }
        if (since is { } open) yield return (open, recording.Start + recording.Duration);
    }
}
