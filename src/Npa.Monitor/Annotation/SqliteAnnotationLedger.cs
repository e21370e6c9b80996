using Microsoft.Data.Sqlite;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Annotation;

/// <summary>
/// Every answer of every annotator, in <c>annotations.db</c> beside <c>flags.db</c> (0600, WAL): the current answer per
/// frame and annotator, and an append-only audit of each answer with the one it replaced. Kept apart from the
/// flagged-frame store so that the store's schema, which the monitor writes, stays as it is.
/// </summary>
public sealed class SqliteAnnotationLedger : IDisposable
{
    /// <summary>Database file name beside the flagged-frame store's <c>flags.db</c>.</summary>
    public const string DatabaseFileName = "annotations.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS answers (
            frame_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (frame_id, annotator));
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            frame_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            previous TEXT NULL,
            value TEXT NOT NULL,
            store_label INTEGER NULL);
        CREATE INDEX IF NOT EXISTS audit_frame ON audit (frame_id, seq);
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Opens (or creates) the ledger in <paramref name="folder"/>, the flagged-frame store's folder.</summary>
    public SqliteAnnotationLedger(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _connection = SqliteFiles.OpenPrivate(Path.Combine(folder, DatabaseFileName));
        SqliteFiles.Execute(_connection, Schema);
    }

    /// <summary>
    /// Records <paramref name="value"/> as <paramref name="annotator"/>'s answer for the frame, then lets
    /// <paramref name="settle"/> (given every annotator's current answers for it, in the same transaction) say what the
    /// store's label is now; the audit row keeps it. When <paramref name="settle"/> throws, nothing is recorded.
    /// </summary>
    public AnnotationAuditEntry Record(string frameId, string annotator, AnnotationValue value, DateTimeOffset time, Func<IReadOnlyList<FrameAnswer>, int?> settle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameId);
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        ArgumentNullException.ThrowIfNull(settle);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction();
            AnnotationValue? previous = Answers(tx, frameId).FirstOrDefault(a => a.Annotator == annotator)?.Value;
            Run(tx, "INSERT INTO answers (frame_id, annotator, value) VALUES ($f, $a, $v) ON CONFLICT (frame_id, annotator) DO UPDATE SET value = excluded.value",
                ("$f", frameId), ("$a", annotator), ("$v", value.ToString()));
            int? storeLabel = settle(Answers(tx, frameId));
            using var cmd = Command(tx, "INSERT INTO audit (frame_id, annotator, time_ms, previous, value, store_label) VALUES ($f, $a, $t, $p, $v, $s) RETURNING seq",
                ("$f", frameId), ("$a", annotator), ("$t", time.ToUnixTimeMilliseconds()), ("$p", (object?)previous?.ToString() ?? DBNull.Value),
                ("$v", value.ToString()), ("$s", (object?)storeLabel ?? DBNull.Value));
            long seq = (long)cmd.ExecuteScalar()!;
            tx.Commit();
            return new AnnotationAuditEntry(seq, frameId, annotator, DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds()), previous, value, storeLabel);
        }
    }

    /// <summary>Every current answer (all frames, all annotators), ordered by frame then annotator.</summary>
    public IReadOnlyList<FrameAnswer> AllAnswers()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return Answers(null, null);
        }
    }

    /// <summary>The audit, newest first: of one frame, or of all when <paramref name="frameId"/> is null; at most <paramref name="limit"/> rows.</summary>
    public IReadOnlyList<AnnotationAuditEntry> Audit(string? frameId, int limit = 200)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command(null,
                "SELECT seq, frame_id, annotator, time_ms, previous, value, store_label FROM audit " +
                (frameId is null ? "" : "WHERE frame_id = $f ") + "ORDER BY seq DESC LIMIT $n",
                ("$f", (object?)frameId ?? DBNull.Value), ("$n", limit));
            using var r = cmd.ExecuteReader();
            var rows = new List<AnnotationAuditEntry>();
            while (r.Read())
            {
                rows.Add(new AnnotationAuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                    r.IsDBNull(4) ? null : Parse(r.GetString(4)), Parse(r.GetString(5)), r.IsDBNull(6) ? null : r.GetInt32(6)));
            }
            return rows;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    private List<FrameAnswer> Answers(SqliteTransaction? tx, string? frameId)
    {
        using var cmd = Command(tx, "SELECT frame_id, annotator, value FROM answers " + (frameId is null ? "" : "WHERE frame_id = $f ") + "ORDER BY frame_id, annotator",
            ("$f", (object?)frameId ?? DBNull.Value));
        using var r = cmd.ExecuteReader();
        var answers = new List<FrameAnswer>();
        while (r.Read()) answers.Add(new FrameAnswer(r.GetString(0), r.GetString(1), Parse(r.GetString(2))));
        return answers;
    }

    private static AnnotationValue Parse(string code) =>
        AnnotationValue.TryParse(code, out var value) ? value : throw new InvalidDataException($"{DatabaseFileName} holds an unknown answer '{code}'");

    private void Run(SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(tx, sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
