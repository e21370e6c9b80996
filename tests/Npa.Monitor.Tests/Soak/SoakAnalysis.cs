using Microsoft.Data.Sqlite;

namespace Npa.Monitor.Tests.Soak;

/// <summary>The checks at the end of a soak: sequence numbers per topic, alert episodes, and the stores on disk.</summary>
internal static class SoakAnalysis
{
    internal sealed record SeqFigures(int Topics, long Messages, long Duplicates, long Resets, long Missing, string Worst);

    internal sealed record EpisodeFigures(int Started, int Ended, int OpenInStore, int Unaccounted, int EndedByRestart, string Unaccounted_Ids);

    internal sealed record StoreFigures(string FlagsIntegrity, string OutboxIntegrity, int FlaggedRows, int RowsWithoutCrop, int CropsWithoutRow, IReadOnlyList<string> OpenEpisodeIds);

    /// <summary>
    /// Per bed topic that the outbox numbers (alert, state, status): a seq at or below one already seen is a repeat
    /// (at least once) when seen before, else a reset; a number never seen between the first and the last is missing.
    /// </summary>
    public static SeqFigures Seq(IReadOnlyList<SoakCapture.Message> messages)
    {
        long duplicates = 0, resets = 0, missing = 0, count = 0;
        string worst = "";
        var topics = messages.Where(m => m.Seq is not null && IsNumberedTopic(m.Topic)).GroupBy(m => m.Topic).ToList();
        foreach (var topic in topics)
        {
            var seen = new HashSet<long>();
            long max = long.MinValue;
            foreach (var m in topic)
            {
                count++;
                long seq = m.Seq!.Value;
                if (seen.Contains(seq)) duplicates++;
                else if (seq < max)
                {
                    resets++;
                    worst = $"{topic.Key}: {seq} after {max}";
                }
                seen.Add(seq);
                max = Math.Max(max, seq);
            }
            long gap = seen.Max() - seen.Min() + 1 - seen.Count;
            if (gap > 0 && worst.Length == 0) worst = $"{topic.Key}: {gap} missing between {seen.Min()} and {seen.Max()}";
            missing += gap;
        }
        return new SeqFigures(topics.Count, count, duplicates, resets, missing, worst);
    }

    public static EpisodeFigures Episodes(IReadOnlyList<SoakCapture.Message> messages, IReadOnlyList<string> openInStore)
    {
        var alerts = messages.Where(m => m.Topic.EndsWith("/alert", StringComparison.Ordinal) && m.EpisodeId is not null).ToList();
        var started = alerts.Where(m => m.Event == "start").Select(m => m.EpisodeId!).ToHashSet(StringComparer.Ordinal);
        var ended = alerts.Where(m => m.Event == "end").Select(m => m.EpisodeId!).ToHashSet(StringComparer.Ordinal);
        int byRestart = alerts.Where(m => m.Event == "end" && m.Reason == "monitor_restart").Select(m => m.EpisodeId).Distinct().Count();
        var unaccounted = started.Where(e => !ended.Contains(e) && !openInStore.Contains(e)).ToList();
        return new EpisodeFigures(started.Count, ended.Count(started.Contains), openInStore.Count, unaccounted.Count, byRestart, string.Join(", ", unaccounted));
    }

    public static StoreFigures Stores(string flaggedFolder, string outboxFile)
    {
        string flagsDb = Path.Combine(flaggedFolder, "flags.db");
        string flagsOk = File.Exists(flagsDb) ? Integrity(flagsDb) : "no flags.db";
        string outboxOk = File.Exists(outboxFile) ? Integrity(outboxFile) : "no outbox";
        var rows = new List<string>();
        if (File.Exists(flagsDb))
        {
            using var c = Open(flagsDb);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT crop_file FROM flagged";
            using var r = cmd.ExecuteReader();
            while (r.Read()) rows.Add(r.GetString(0));
        }
        var crops = Directory.Exists(flaggedFolder)
            ? Directory.EnumerateFiles(flaggedFolder).Select(Path.GetFileName).Where(n => n!.EndsWith(".png", StringComparison.Ordinal) || n.EndsWith(".png.enc", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal)
            : [];
        var open = new List<string>();
        if (File.Exists(outboxFile))
        {
            using var c = Open(outboxFile);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT episode_id FROM open_episode";
            using var r = cmd.ExecuteReader();
            while (r.Read()) open.Add(r.GetString(0));
        }
        return new StoreFigures(flagsOk, outboxOk, rows.Count, rows.Count(f => !crops.Contains(f)), crops.Count(f => !rows.Contains(f!)), open);
    }

    private static bool IsNumberedTopic(string topic) =>
        topic.EndsWith("/alert", StringComparison.Ordinal) || topic.EndsWith("/state", StringComparison.Ordinal) || topic.EndsWith("/status", StringComparison.Ordinal);

    private static string Integrity(string file)
    {
        using var c = Open(file);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static SqliteConnection Open(string file)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }
}
