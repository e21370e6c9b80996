using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Npa.Monitor.Storage;

/// <summary>Schema and row mapping of the flagged-frame table.</summary>
internal static class FlaggedFrameRows
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS flagged (
            id TEXT PRIMARY KEY,
            bed TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            reasons TEXT NOT NULL,
            probs TEXT NOT NULL,
            predicted INTEGER NOT NULL,
            alpha_a REAL NOT NULL,
            alpha_b REAL NOT NULL,
            model_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            label INTEGER NULL,
            annotator TEXT NULL,
            crop_file TEXT NOT NULL,
            crop_bytes INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS flagged_time ON flagged (time_ms);
        CREATE INDEX IF NOT EXISTS flagged_bed_time ON flagged (bed, time_ms);
        """;

    public const string Columns = "id, bed, time_ms, reasons, probs, predicted, alpha_a, alpha_b, model_id, status, label, annotator, crop_file, crop_bytes";

    public static string StatusCode(RelabelStatus status) => status switch
    {
        RelabelStatus.Pending => "pending",
        RelabelStatus.Exported => "exported",
        RelabelStatus.Labelled => "labelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown relabel status"),
    };

    public static void Insert(SqliteConnection connection, SqliteTransaction tx, FlaggedFrame f)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO flagged ({Columns}) VALUES ($id, $bed, $t, $r, $p, $lvl, $aa, $ab, $m, $s, NULL, NULL, $crop, $bytes)";
        cmd.Parameters.AddWithValue("$id", f.Id);
        cmd.Parameters.AddWithValue("$bed", f.Bed);
        cmd.Parameters.AddWithValue("$t", f.Time.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$r", FlagReasonCodes.Format(f.Reasons));
        cmd.Parameters.AddWithValue("$p", string.Join(',', f.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))));
        cmd.Parameters.AddWithValue("$lvl", f.PredictedLevel);
        cmd.Parameters.AddWithValue("$aa", f.AlphaA);
        cmd.Parameters.AddWithValue("$ab", f.AlphaB);
        cmd.Parameters.AddWithValue("$m", f.ModelId);
        cmd.Parameters.AddWithValue("$s", StatusCode(f.Status));
        cmd.Parameters.AddWithValue("$crop", f.CropFile);
        cmd.Parameters.AddWithValue("$bytes", f.CropBytes);
        cmd.ExecuteNonQuery();
    }

    public static List<FlaggedFrame> Query(SqliteConnection connection, string where, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM flagged {where}";
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var frames = new List<FlaggedFrame>();
        while (r.Read())
        {
            frames.Add(new FlaggedFrame(
                r.GetString(0),
                r.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
                FlagReasonCodes.Parse(r.GetString(3)),
                r.GetString(4).Split(',').Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray(),
                r.GetInt32(5),
                r.GetFloat(6),
                r.GetFloat(7),
                r.GetString(8),
                ParseStatus(r.GetString(9)),
                r.IsDBNull(10) ? null : r.GetInt32(10),
                r.IsDBNull(11) ? null : r.GetString(11),
                r.GetString(12),
                r.GetInt64(13)));
        }
        return frames;
    }

    private static RelabelStatus ParseStatus(string code) => code switch
    {
        "pending" => RelabelStatus.Pending,
        "exported" => RelabelStatus.Exported,
        "labelled" => RelabelStatus.Labelled,
        _ => throw new InvalidDataException($"flagged frame has unknown relabel status '{code}'"),
    };
}
