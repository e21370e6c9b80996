using Npa.Shared.Messages;
using Npa.Shared.Nips;

namespace Npa.Monitor.Replay;

/// <summary>The alert figures of a replay: each scripted severe episode against the published alert events, and false starts.</summary>
public static class AlertScoring
{
    /// <summary>An alert that begins this soon after a severe span still counts for it (the smoother and sustain lag).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>A start is false when the script stayed at NIPS ≤ 2 from this long before the score crossed until the start.</summary>
    public static readonly TimeSpan QuietBefore = TimeSpan.FromSeconds(10);

    /// <summary>Alert episodes of one bed: start time, end time (or the replay's end), and their events.</summary>
    public static IReadOnlyList<(string Id, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<AlertEventMessage> Events)> Spans(ReplayRecording recording, string bed)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var end = recording.Start + recording.Duration;
        return recording.Alerts.Where(a => a.BedId == bed).GroupBy(a => a.EpisodeId)
            .Select(g =>
            {
                var events = g.OrderBy(a => a.Seq).ToList();
                var start = events.FirstOrDefault(a => a.Event == AlertEventKind.Start)?.Time ?? events[0].Time;
                var stop = events.LastOrDefault(a => a.Event == AlertEventKind.End)?.Time ?? end;
                return (g.Key, start, stop, (IReadOnlyList<AlertEventMessage>)events);
            })
            .OrderBy(s => s.start).ToList();
    }

    /// <summary>Each contiguous span where the script says NIPS ≥ 5, with the monitor's answer.</summary>
    public static IReadOnlyList<SevereEpisodeResult> SevereEpisodes(ReplayRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var results = new List<SevereEpisodeResult>();
        foreach (var bed in recording.Beds.Select(b => b.Options.Id))
        {
            var spans = Spans(recording, bed);
            var ticks = recording.Truth.Where(t => t.BedId == bed).OrderBy(t => t.Timestamp).ToList();
            int i = 0;
            while (i < ticks.Count)
            {
                if (ticks[i].Nips < NipsScale.SevereThreshold) { i++; continue; }
                int j = i;
                while (j + 1 < ticks.Count && ticks[j + 1].Nips >= NipsScale.SevereThreshold) j++;
                results.Add(Answer(bed, ticks[i].Timestamp, ticks[j].Timestamp, ticks.Skip(i).Take(j - i + 1).Max(t => t.Nips), spans));
                i = j + 1;
            }
        }
        return results;
    }

    private static SevereEpisodeResult Answer(string bed, DateTimeOffset onset, DateTimeOffset end, int peak,
        IReadOnlyList<(string Id, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<AlertEventMessage> Events)> spans)
    {
        var overlapping = spans.Where(s => s.Start <= end + Grace && s.End >= onset).ToList();
        if (overlapping.Count == 0) return new SevereEpisodeResult(bed, onset, end, peak, false, null, null, null);
        var first = overlapping[0];
        var events = overlapping.SelectMany(s => s.Events).Where(e => e.Time <= end + Grace).ToList();
        var category = events.Count == 0 ? first.Events[0].Category : events.Max(e => e.Category);
        var severe = events.Where(e => e.Category == NipsCategory.Severe).Select(e => (double?)Math.Max(0, (e.Time - onset).TotalSeconds)).FirstOrDefault();
        return new SevereEpisodeResult(bed, onset, end, peak, true, Math.Max(0, (first.Start - onset).TotalSeconds), NipsScale.WireName(category), severe);
    }

    /// <summary>Start events raised while the script stayed in the no-pain band.</summary>
    public static IReadOnlyList<AlertEventMessage> FalseStarts(ReplayRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var scripts = recording.Beds.ToDictionary(b => b.Options.Id, b => b.Script);
        return recording.Alerts.Where(a => a.Event == AlertEventKind.Start && scripts.ContainsKey(a.BedId)).Where(a =>
        {
            var script = scripts[a.BedId];
            var from = a.StartedAt - QuietBefore - recording.Start;
            var to = a.Time - recording.Start;
            for (var t = from < TimeSpan.Zero ? TimeSpan.Zero : from; t <= to; t += TimeSpan.FromMilliseconds(500))
                if (script.StateAt(t).Nips > 2) return false;
            return true;
        }).ToList();
    }
}
