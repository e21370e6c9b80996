using Microsoft.Data.Sqlite;

namespace Npa.Monitor.Storage;

/// <summary>
/// What the outbox remembers beyond its entries, written in each entry's transaction so that a kill cannot split them:
/// the last <c>seq</c> per topic, and the alert episodes started but not yet ended.
/// </summary>
public sealed partial class SqliteOutbox
{
    private const string LedgerSchema = """
        CREATE TABLE IF NOT EXISTS topic_seq (
            topic TEXT PRIMARY KEY,
            seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS open_episode (
            topic TEXT NOT NULL,
            episode_id TEXT NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (topic, episode_id));
        """;

    /// <summary>The highest <c>seq</c> stored per topic, over every process that used this file.</summary>
    public IReadOnlyDictionary<string, long> LastSeqs()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("SELECT topic, seq FROM topic_seq");
            using var reader = cmd.ExecuteReader();
            var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read()) seqs[reader.GetString(0)] = reader.GetInt64(1);
            return seqs;
        }
    }

    /// <summary>Episodes whose last stored alert left them open, oldest topic first.</summary>
    public IReadOnlyList<OpenEpisode> OpenEpisodes()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("SELECT topic, episode_id, payload FROM open_episode ORDER BY topic, episode_id");
            using var reader = cmd.ExecuteReader();
            var open = new List<OpenEpisode>();
            while (reader.Read()) open.Add(new OpenEpisode(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            return open;
        }
    }

    /// <summary>Forgets an open episode without an entry (its stored alert could not be read back).</summary>
    public void ForgetEpisode(string topic, string episodeId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("DELETE FROM open_episode WHERE topic = $t AND episode_id = $e");
            cmd.Parameters.AddWithValue("$t", topic);
            cmd.Parameters.AddWithValue("$e", episodeId);
            cmd.ExecuteNonQuery();
        }
    }

    private void RecordLedger(SqliteTransaction tx, OutboxMessage message)
    {
        if (message.Seq > 0)
        {
            using var seq = Command("INSERT INTO topic_seq (topic, seq) VALUES ($t, $s) ON CONFLICT (topic) DO UPDATE SET seq = max(seq, excluded.seq)", tx);
            seq.Parameters.AddWithValue("$t", message.Topic);
            seq.Parameters.AddWithValue("$s", message.Seq);
            seq.ExecuteNonQuery();
        }
        if (message.Episode is not { } episode) return;
        using var mark = Command(episode.Open
            ? "INSERT INTO open_episode (topic, episode_id, payload) VALUES ($t, $e, $p) ON CONFLICT (topic, episode_id) DO UPDATE SET payload = excluded.payload"
            : "DELETE FROM open_episode WHERE topic = $t AND episode_id = $e", tx);
        mark.Parameters.AddWithValue("$t", message.Topic);
        mark.Parameters.AddWithValue("$e", episode.EpisodeId);
        if (episode.Open) mark.Parameters.AddWithValue("$p", message.Payload.ToArray());
        mark.ExecuteNonQuery();
    }
}
