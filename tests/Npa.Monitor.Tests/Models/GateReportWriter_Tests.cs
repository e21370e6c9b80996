using System.Text.Json.Nodes;
using Npa.Monitor.Models;

namespace Npa.Monitor.Tests.Models;

public class GateReportWriter_Tests
{
    [Fact]
    public void Writes_Tables_Confusion_Matrices_And_Json_With_The_Verdict()
    {
        List<GateSample> serving = [new(0, 0, 0), new(5, 5, 5), new(7, 7, 7)], candidate = [new(0, 0, 0), new(5, 1, 1), new(7, 7, 7)];
        var report = ValidationGate.Build("cand@1", "serv@2", "/data/heldout.csv", candidate, serving, new GateSettings { Resamples = 200 });
        string dir = Path.Combine(Path.GetTempPath(), "npa-gate-" + Guid.NewGuid().ToString("N"));
        try
        {
            GateReportWriter.Write(report, dir);
            string md = File.ReadAllText(Path.Combine(dir, GateReportWriter.MarkdownFile));
            Assert.StartsWith("# Validation gate: REFUSED", md, StringComparison.Ordinal);
            Assert.Contains("| severe recall | 0.5000 | 1.0000 | -0.5000 |", md, StringComparison.Ordinal);
            Assert.Contains("## Candidate: confusion matrix", md, StringComparison.Ordinal);
            Assert.Contains("| 5 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |", md, StringComparison.Ordinal);
            Assert.Contains("| 5 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 |", md, StringComparison.Ordinal);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, GateReportWriter.JsonFile)))!;
            Assert.False((bool)json["promote"]!);
            Assert.Equal("cand@1", (string?)json["candidate_id"]);
            Assert.Equal(2, (int)json["severe_samples"]!);
            Assert.Equal(3, json["comparisons"]!.AsArray().Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
