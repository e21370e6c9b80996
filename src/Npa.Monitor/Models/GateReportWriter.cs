using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npa.Shared.Nips;

namespace Npa.Monitor.Models;

/// <summary>Writes gate-report.md (tables, confusion matrices) and gate-report.json.</summary>
public static class GateReportWriter
{
    public const string MarkdownFile = "gate-report.md";
    public const string JsonFile = "gate-report.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes both files into <paramref name="outDir"/> (created when missing).</summary>
    public static void Write(GateReport report, string outDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, MarkdownFile), Markdown(report), Encoding.UTF8);
        File.WriteAllText(Path.Combine(outDir, JsonFile), JsonSerializer.Serialize(report, Json), Encoding.UTF8);
    }

    /// <summary>The report as Markdown.</summary>
    public static string Markdown(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"# Validation gate: {(report.Promote ? "PROMOTE" : "REFUSED")}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"- candidate: `{report.CandidateId}`");
        b.AppendLine(CultureInfo.InvariantCulture, $"- serving: `{report.ServingId}`");
        b.AppendLine(CultureInfo.InvariantCulture, $"- held-out set: `{report.Data}` ({report.Samples} images, {report.SevereSamples} severe)");
        b.AppendLine(CultureInfo.InvariantCulture, $"- paired bootstrap: {s.Resamples} resamples, seed {s.Seed}, {s.Confidence:P1} two-sided interval of candidate − serving");
        b.AppendLine("- not worse: lower bound ≥ −margin for accuracy and severe recall; upper bound ≤ +margin for MAE");
        b.AppendLine();
        b.AppendLine("| metric | candidate | serving | difference | interval | margin | verdict |");
        b.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in report.Comparisons)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {Name(c.Metric)} | {c.Candidate:F4} | {c.Serving:F4} | {c.Difference:+0.0000;-0.0000;0.0000} | [{c.Lower:F4}, {c.Upper:F4}] | {c.Margin:F4} | {(c.Passed ? "pass" : "FAIL")} |");
        Confusion(b, "Candidate", report.CandidateConfusion);
        Confusion(b, "Serving", report.ServingConfusion);
        return b.ToString();
    }

    /// <summary>Short console summary, one line per metric.</summary>
    public static string Summary(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"gate: candidate {report.CandidateId} vs serving {report.ServingId} on {report.Samples} images ({report.SevereSamples} severe)");
        foreach (var c in report.Comparisons)
            b.AppendLine(CultureInfo.InvariantCulture, $"  {Name(c.Metric),-14} candidate {c.Candidate:F4}  serving {c.Serving:F4}  diff {c.Difference:+0.0000;-0.0000;0.0000}  CI [{c.Lower:F4}, {c.Upper:F4}]  margin {c.Margin:F4}  {(c.Passed ? "pass" : "FAIL")}");
        b.Append(report.Promote ? "verdict: PROMOTE (candidate is not worse)" : "verdict: REFUSED (candidate may be worse)");
        return b.ToString();
    }

    private static string Name(GateMetric metric) => metric switch
    {
        GateMetric.Accuracy => "accuracy",
        GateMetric.Mae => "MAE",
        GateMetric.SevereRecall => "severe recall",
        _ => metric.ToString(),
    };

    private static void Confusion(StringBuilder b, string title, int[][] m)
    {
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"## {title}: confusion matrix (rows = label, columns = predicted)");
        b.AppendLine();
        b.AppendLine("| label | " + string.Join(" | ", Enumerable.Range(0, NipsScale.ClassCount)) + " |");
        b.AppendLine("|---" + string.Concat(Enumerable.Repeat("|---", NipsScale.ClassCount)) + "|");
        for (int k = 0; k < m.Length; k++)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {k} | {string.Join(" | ", m[k])} |");
    }
}
