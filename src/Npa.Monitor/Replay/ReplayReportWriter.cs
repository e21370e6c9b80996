using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Npa.Monitor.Replay;

/// <summary>Writes report.json, report.md, frames.csv and the figures into the replay's folder; returns the report with its figure paths.</summary>
public static class ReplayReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ReplayReport Write(ReplayRecording recording, ReplayReport report, string folder, bool figures = true)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        if (figures)
        {
            var beds = new List<BedReplaySummary>();
            foreach (var bed in report.PerBed)
            {
                string name = $"timeline-{bed.BedId}.png";
                ReplayFigures.Timeline(recording, bed.BedId, Path.Combine(folder, name));
                beds.Add(bed with { Figure = name });
            }
            report = report with { PerBed = beds, ConfusionFigure = "band-confusion.png" };
            ReplayFigures.Confusion(report, Path.Combine(folder, report.ConfusionFigure));
        }
        File.WriteAllText(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(folder, "report.md"), Markdown(report));
        using (var frames = new StreamWriter(Path.Combine(folder, "frames.csv")))
            ReplayFramesCsv.Write(recording, frames);
        return report;
    }

    /// <summary>The headline figures, as printed at the end of a replay.</summary>
    public static string Summary(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var occluded = report.Occlusion[0];
        var s = new StringBuilder();
        s.AppendLine(F($"model {report.ModelId}; {report.Beds} bed(s) × {report.DurationSeconds / 60:0.#} min = {report.BedHours:0.##} bed-hours"));
        s.AppendLine(F($"  per-frame MAE        {Num(report.Mae, "0.00")} NIPS points over {report.ScoredFrames} scored frames (not low confidence; all {report.AssessedFrames} assessed: {Num(report.AssessedMae, "0.00")})"));
        s.AppendLine(F($"  band accuracy        {Pct(report.BandAccuracy)}   severe-band recall {Pct(report.SevereRecall)}"));
        s.AppendLine(F($"  severe episodes      {report.SevereEpisodes.Count(e => e.Alerted)} of {report.SevereEpisodes.Count} alerted ({Pct(report.SevereSensitivity)}), median delay {Num(report.MedianAlertDelaySeconds, "0.0")} s"));
        s.AppendLine(F($"  false alert starts   {report.FalseAlertStarts} in {report.NoPainBedHours:0.##} bed-hours at NIPS ≤ 2 ({Num(report.FalseAlertStartsPerBedHour, "0.00")} per bed-hour)"));
        s.AppendLine(F($"  occluded frames      {Pct(occluded.Share)} no_face or low confidence ({occluded.NoFace} no face + {occluded.LowConfidence} low of {occluded.Frames})"));
        s.Append(F($"  real-time factor     {report.RealTimeFactor:0.0}× ({report.DurationSeconds:0} s of script in {report.WallSeconds:0.0} s wall; {report.BedTimeFactor:0.0}× per bed)"));
        return s.ToString();
    }

    private static string Markdown(ReplayReport r)
    {
        var s = new StringBuilder();
        s.AppendLine("# Replay report").AppendLine();
        s.AppendLine(F($"Virtual-time replay of the monitor's own chain (`npa-monitor replay`), start {r.Start:u}. Figures are computed from the messages MQTT would carry (assessment `score`/`category`/`confidence`, alert events) against each script's per-frame NIPS.")).AppendLine();
        s.AppendLine("```").AppendLine(Summary(r)).AppendLine("```").AppendLine();
        s.AppendLine("## Band confusion (rows: scripted band, columns: published category)").AppendLine();
        s.AppendLine("| scripted \\ published | no pain | mild–moderate | severe |").AppendLine("|---|---|---|---|");
        string[] names = ["no pain (0–2)", "mild–moderate (3–4)", "severe (≥5)"];
        for (int t = 0; t < 3; t++) s.AppendLine(F($"| {names[t]} | {r.BandConfusion[t][0]} | {r.BandConfusion[t][1]} | {r.BandConfusion[t][2]} |"));
        if (r.ConfusionFigure is not null) s.AppendLine().AppendLine($"![band confusion]({r.ConfusionFigure})");
        s.AppendLine().AppendLine("## Scripted severe episodes (NIPS ≥ 5)").AppendLine();
        s.AppendLine(F($"An alert counts when it runs during the span or starts within {AlertScoring.Grace.TotalSeconds:0} s after it; delay is alert start minus onset (0 when one was already running)."));
        s.AppendLine().AppendLine("| bed | onset (min) | length (s) | peak | alerted | delay (s) | category | severe after (s) |").AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var e in r.SevereEpisodes)
            s.AppendLine(F($"| {e.BedId} | {(e.Onset - r.Start).TotalMinutes:0.00} | {(e.End - e.Onset).TotalSeconds:0} | {e.PeakNips} | {(e.Alerted ? "yes" : "**no**")} | {Num(e.DelaySeconds, "0.0")} | {e.Category ?? "–"} | {Num(e.SevereDelaySeconds, "0.0")} |"));
        s.AppendLine().AppendLine("## Occluded frames").AppendLine();
        s.AppendLine(F($"Sampled frames while the script has an occluder on the face; covered = no face found, or published as low confidence (confidence below Alerts:MinConfidence {r.LowConfidenceThreshold:0.##} or score spread above Alerts:MaxScoreSpread {r.MaxScoreSpread:0.##} NIPS points; the bed's score and alerts ignore it)."));
        s.AppendLine().AppendLine("| occluder | frames | no face | low confidence | covered |").AppendLine("|---|---|---|---|---|");
        foreach (var o in r.Occlusion) s.AppendLine(F($"| {o.Kind} | {o.Frames} | {o.NoFace} | {o.LowConfidence} | {Pct(o.Share)} |"));
        s.AppendLine().AppendLine("## Beds").AppendLine();
        s.AppendLine("| bed | scored | MAE | band accuracy | alert starts | false starts | severe alerted |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var b in r.PerBed)
            s.AppendLine(F($"| {b.BedId} | {b.ScoredFrames} | {Num(b.Mae, "0.00")} | {Pct(b.BandAccuracy)} | {b.AlertStarts} | {b.FalseAlertStarts} | {b.SevereEpisodesAlerted}/{b.SevereEpisodes} |"));
        foreach (var b in r.PerBed.Where(b => b.Figure is not null)) s.AppendLine().AppendLine($"![{b.BedId}]({b.Figure})");
        return s.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Num(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Pct(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–";
}
