using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using Npa.Monitor.Pipeline;
using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Replay;

/// <summary>Scores a replay from what MQTT would have carried (assessment and alert messages) against the scripts' per-frame truth.</summary>
public static class ReplayScoring
{
    /// <summary>The report of <paramref name="recording"/>; figure paths are filled in by the writer.</summary>
    public static ReplayReport Score(ReplayRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var truth = TruthIndex(recording);
        var assessed = recording.Assessments.Where(a => Truth(truth, a.BedId, a.Time) is not null).ToList();
        // What the bedside scores: the assessments not published as low confidence, the ones that move the bed's score and alerts.
        var scored = assessed.Where(a => !a.LowConfidence).ToList();
        var confusion = new int[3, 3];
        foreach (var a in scored) confusion[(int)NipsScale.CategoryOf(Truth(truth, a.BedId, a.Time)!.Nips), (int)a.Category]++;
        var episodes = AlertScoring.SevereEpisodes(recording);
        var falseStarts = AlertScoring.FalseStarts(recording);
        double noPainHours = recording.Beds.Sum(b => NoPainHours(b.Script, recording.Duration));
        var alerted = episodes.Where(e => e.Alerted).ToList();
        double bedHours = recording.Beds.Count * recording.Duration.TotalHours;
        double wall = Math.Max(1e-3, recording.WallTime.TotalSeconds);
        return new ReplayReport
        {
            ModelId = recording.ModelId,
            Start = recording.Start,
            DurationSeconds = recording.Duration.TotalSeconds,
            Beds = recording.Beds.Count,
            BedHours = bedHours,
            WallSeconds = recording.WallTime.TotalSeconds,
            RealTimeFactor = recording.Duration.TotalSeconds / wall,
            BedTimeFactor = bedHours * 3600 / wall,
            ScoredFrames = scored.Count,
            Mae = Mae(scored, truth),
            AssessedFrames = assessed.Count,
            AssessedMae = Mae(assessed, truth),
            BandConfusion = Enumerable.Range(0, 3).Select(t => (IReadOnlyList<int>)Enumerable.Range(0, 3).Select(p => confusion[t, p]).ToList()).ToList(),
            BandAccuracy = scored.Count == 0 ? null : (double)(confusion[0, 0] + confusion[1, 1] + confusion[2, 2]) / scored.Count,
            SevereRecall = Row(confusion, 2) == 0 ? null : (double)confusion[2, 2] / Row(confusion, 2),
            SevereEpisodes = episodes,
            SevereSensitivity = episodes.Count == 0 ? null : (double)alerted.Count / episodes.Count,
            MedianAlertDelaySeconds = Median(alerted.Select(e => e.DelaySeconds!.Value).ToList()),
            FalseAlertStarts = falseStarts.Count,
            NoPainBedHours = noPainHours,
            FalseAlertStartsPerBedHour = noPainHours > 0 ? falseStarts.Count / noPainHours : null,
            Occlusion = Occlusion(recording, truth),
            LowConfidenceThreshold = recording.Gate.MinConfidence,
            MaxScoreSpread = recording.Gate.MaxScoreSpread,
            PerBed = recording.Beds.Select(b => Bed(b.Options.Id, recording, scored, truth, episodes, falseStarts)).ToList(),
        };
    }

    /// <summary>Each bed's ground truth by frame time.</summary>
    internal static Dictionary<string, Dictionary<DateTimeOffset, FrameGroundTruth>> TruthIndex(ReplayRecording recording) =>
        recording.Truth.GroupBy(t => t.BedId).ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Timestamp));

    /// <summary>The (first) assessment published for each bed and frame time.</summary>
    internal static Dictionary<(string BedId, DateTimeOffset Time), AssessmentMessage> AssessmentIndex(ReplayRecording recording) =>
        recording.Assessments.GroupBy(a => (a.BedId, a.Time)).ToDictionary(g => g.Key, g => g.First());

    internal static FrameGroundTruth? Truth(Dictionary<string, Dictionary<DateTimeOffset, FrameGroundTruth>> truth, string bed, DateTimeOffset time) =>
        truth.TryGetValue(bed, out var frames) && frames.TryGetValue(time, out var t) ? t : null;

    private static double? Mae(List<AssessmentMessage> scored, Dictionary<string, Dictionary<DateTimeOffset, FrameGroundTruth>> truth) =>
        scored.Count == 0 ? null : scored.Average(a => Math.Abs(a.Score - Truth(truth, a.BedId, a.Time)!.Nips));

    private static int Row(int[,] m, int r) => m[r, 0] + m[r, 1] + m[r, 2];

    internal static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double NoPainHours(BedScript script, TimeSpan duration)
    {
        int seconds = (int)duration.TotalSeconds, quiet = 0;
        for (int s = 0; s < seconds; s++)
            if (script.StateAt(TimeSpan.FromSeconds(s + 0.5)).Nips <= 2) quiet++;
        return quiet / 3600.0;
    }

    private static List<OcclusionShare> Occlusion(ReplayRecording recording, Dictionary<string, Dictionary<DateTimeOffset, FrameGroundTruth>> truth)
    {
        var low = AssessmentIndex(recording).ToDictionary(p => p.Key, p => p.Value.LowConfidence);
        var rows = new List<(OcclusionKind Kind, bool NoFace, bool Low)>();
        foreach (var f in recording.Sampled)
        {
            if (Truth(truth, f.BedId, f.Time) is not { Occluded: true } t) continue;
            bool noFace = f.Outcome != PreparedOutcome.Ready || !low.ContainsKey((f.BedId, f.Time));
            rows.Add((t.Occlusion, noFace, !noFace && low[(f.BedId, f.Time)]));
        }
        var shares = new List<OcclusionShare> { new("all", rows.Count, rows.Count(r => r.NoFace), rows.Count(r => r.Low)) };
        foreach (var kind in Enum.GetValues<OcclusionKind>().Where(k => k != OcclusionKind.None))
        {
            var of = rows.Where(r => r.Kind == kind).ToList();
            shares.Add(new OcclusionShare(kind.ToString(), of.Count, of.Count(r => r.NoFace), of.Count(r => r.Low)));
        }
        return shares;
    }

    private static BedReplaySummary Bed(string bed, ReplayRecording recording, List<AssessmentMessage> allScored,
        Dictionary<string, Dictionary<DateTimeOffset, FrameGroundTruth>> truth, IReadOnlyList<SevereEpisodeResult> episodes, IReadOnlyList<AlertEventMessage> falseStarts)
    {
        var scored = allScored.Where(a => a.BedId == bed).ToList();
        int right = scored.Count(a => NipsScale.CategoryOf(Truth(truth, a.BedId, a.Time)!.Nips) == a.Category);
        var mine = episodes.Where(e => e.BedId == bed).ToList();
        return new BedReplaySummary(bed, scored.Count, Mae(scored, truth), scored.Count == 0 ? null : (double)right / scored.Count,
            recording.Alerts.Count(a => a.BedId == bed && a.Event == AlertEventKind.Start), falseStarts.Count(a => a.BedId == bed),
            mine.Count, mine.Count(e => e.Alerted), null);
    }
}
