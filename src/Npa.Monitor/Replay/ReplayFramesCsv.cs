using System.Globalization;
using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Pipeline;
using Npa.Shared.Messages;

namespace Npa.Monitor.Replay;

/// <summary>
/// frames.csv: one row per frame a sampler took, the script's truth beside what the monitor published for it, so that a
/// data team can slice the figures by occluder, segment or confidence without re-running the replay.
/// </summary>
public static class ReplayFramesCsv
{
    public const string Header = "bed,offset_s,segment,nips,occlusion,outcome,score,level,category,confidence,alpha,alpha_a,alpha_b,branches_agree,score_spread,counted,detector_score,sharpness,brightness,p0,p1,p2,p3,p4,p5,p6,p7";

    public static void Write(ReplayRecording recording, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(writer);
        var truth = ReplayScoring.TruthIndex(recording);
        var assessed = ReplayScoring.AssessmentIndex(recording);
        writer.WriteLine(Header);
        foreach (var frame in recording.Sampled)
        {
            if (ReplayScoring.Truth(truth, frame.BedId, frame.Time) is not { } t) continue;
            assessed.TryGetValue((frame.BedId, frame.Time), out var a);
            writer.WriteLine(Row(t, frame, a));
        }
    }

    private static string Row(FrameGroundTruth t, SampledFrame frame, AssessmentMessage? a)
    {
        string outcome = a is null && frame.Outcome == PreparedOutcome.Ready ? "unpublished" : Snake(frame.Outcome.ToString());
        string published = a is null
            ? ",,,,,,,,,,,,,,,,,,,,"
            : string.Create(CultureInfo.InvariantCulture,
                $"{a.Score:0.###},{a.Level},{Snake(a.Category.ToString())},{a.Confidence:0.####},{a.Alpha:0.####},{a.AlphaA:0.####},{a.AlphaB:0.####},{(a.BranchesAgree ? 1 : 0)},{a.ScoreSpread:0.####},{(a.LowConfidence ? 0 : 1)},{a.Quality.DetectorScore:0.####},{a.Quality.Sharpness:0.#},{a.Quality.Brightness:0.#},{Probs(a.Probs)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Quote(t.BedId)},{t.Offset.TotalSeconds:0.###},{Quote(t.Segment)},{t.Nips},{Snake(t.Occlusion.ToString())},{outcome},{published}");
    }

    // Bed ids and segment names come from user scripts: quote them as RFC 4180 asks when they hold a separator.
    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private static string Probs(IReadOnlyList<float> probs) => string.Join(',', probs.Select(p => p.ToString("0.####", CultureInfo.InvariantCulture)));

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
