using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Npa.Monitor.Storage;

/// <summary>
/// Bounded, persistent FIFO of QoS 1 MQTT messages (SQLite, WAL, synchronous=FULL), so that alerts survive a
/// broker outage and a process restart. An entry stops being pending only after the broker's PUBACK; it may then
/// be kept, acknowledged, for a replay window (see <see cref="RequeueAcknowledged"/>).
/// </summary>
/// <remarks>
/// Overflow policy, when the entries reach the capacity: first the oldest acknowledged entry goes (already
/// delivered), then the oldest pending non-alert (a retained state or status, which a later one supersedes). Alerts
/// are never dropped: when only pending alerts remain, the new alert is still stored beyond the capacity, an error
/// is logged and <see cref="AlertsOverCapacity"/> rises. Losing a pain alert is worse than using more disk.
/// </remarks>
public sealed partial class SqliteOutbox : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Opens (or creates) the outbox file at <paramref name="path"/>.</summary>
    public SqliteOutbox(string path, int capacity, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _logger = logger ?? NullLogger.Instance;
        _connection = SqliteFiles.OpenPrivate(path);
        SqliteFiles.Execute(_connection, """
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind INTEGER NOT NULL,
                topic TEXT NOT NULL,
                payload BLOB NOT NULL,
                qos INTEGER NOT NULL,
                retain INTEGER NOT NULL,
                acked_ms INTEGER NULL);
            """);
        SqliteFiles.Execute(_connection, LedgerSchema);
        Count = (int)(long)SqliteFiles.Scalar(_connection, "SELECT COUNT(*) FROM outbox WHERE acked_ms IS NULL")!;
        AcknowledgedCount = (int)(long)SqliteFiles.Scalar(_connection, "SELECT COUNT(*) FROM outbox WHERE acked_ms IS NOT NULL")!;
    }

    /// <summary>Entries (pending and kept) above which entries are dropped by the overflow policy.</summary>
    public int Capacity { get; }

    /// <summary>Entries waiting for delivery.</summary>
    public int Count { get; private set; }

    /// <summary>Delivered entries kept for the replay window.</summary>
    public int AcknowledgedCount { get; private set; }

    /// <summary>Non-alert entries dropped because the outbox was full (since this instance opened).</summary>
    public long DroppedNonAlerts { get; private set; }

    /// <summary>Alerts stored beyond the capacity because only pending alerts remained (since this instance opened).</summary>
    public long AlertsOverCapacity { get; private set; }

    /// <summary>
    /// Appends a message durably (the call returns after the fsync) and returns its id, or null when the message is
    /// a state/status that could not be stored because the outbox is full of pending alerts.
    /// </summary>
    public long? Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction();
            if (Count + AcknowledgedCount >= Capacity && !MakeRoom(tx, message)) return null;
            using var insert = Command("INSERT INTO outbox (kind, topic, payload, qos, retain) VALUES ($k, $t, $p, $q, $r); SELECT last_insert_rowid();", tx);
            insert.Parameters.AddWithValue("$k", (int)message.Kind);
            insert.Parameters.AddWithValue("$t", message.Topic);
            insert.Parameters.AddWithValue("$p", message.Payload.ToArray());
            insert.Parameters.AddWithValue("$q", message.QoS);
            insert.Parameters.AddWithValue("$r", message.Retain ? 1 : 0);
            long id = (long)insert.ExecuteScalar()!;
            RecordLedger(tx, message);
            tx.Commit();
            Count++;
            return id;
        }
    }

    /// <summary>The oldest <paramref name="max"/> pending entries, oldest first; they stay until acknowledged or removed.</summary>
    public IReadOnlyList<OutboxEntry> Peek(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("SELECT id, kind, topic, payload, qos, retain FROM outbox WHERE acked_ms IS NULL ORDER BY id LIMIT $n");
            cmd.Parameters.AddWithValue("$n", max);
            using var reader = cmd.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
            {
                var message = new OutboxMessage(
                    (OutboxKind)reader.GetInt32(1), reader.GetString(2), (byte[])reader.GetValue(3),
                    reader.GetInt32(4), reader.GetInt32(5) != 0);
                entries.Add(new OutboxEntry(reader.GetInt64(0), message));
            }
            return entries;
        }
    }

    /// <summary>Removes an entry (delivered, or refused by the broker); a missing id does nothing.</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("DELETE FROM outbox WHERE id = $id AND acked_ms IS NULL");
            cmd.Parameters.AddWithValue("$id", id);
            Count -= cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Marks a pending entry delivered at <paramref name="at"/> and keeps it for the replay window.</summary>
    public void Acknowledge(long id, DateTimeOffset at)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("UPDATE outbox SET acked_ms = $at WHERE id = $id AND acked_ms IS NULL");
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            int n = cmd.ExecuteNonQuery();
            Count -= n;
            AcknowledgedCount += n;
        }
    }

    /// <summary>Deletes acknowledged entries delivered before <paramref name="before"/>; returns how many went.</summary>
    public int PurgeAcknowledged(DateTimeOffset before)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("DELETE FROM outbox WHERE acked_ms IS NOT NULL AND acked_ms < $before");
            cmd.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            int n = cmd.ExecuteNonQuery();
            AcknowledgedCount -= n;
            return n;
        }
    }

    /// <summary>
    /// Makes every kept acknowledged entry pending again, ahead of the others (ids keep the order). Called after a
    /// reconnect: a broker that crashed after its PUBACK may not have passed the message on.
    /// </summary>
    public int RequeueAcknowledged()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = Command("UPDATE outbox SET acked_ms = NULL WHERE acked_ms IS NOT NULL");
            int n = cmd.ExecuteNonQuery();
            AcknowledgedCount -= n;
            Count += n;
            return n;
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

    private bool MakeRoom(SqliteTransaction tx, OutboxMessage incoming)
    {
        using (var acked = Command("DELETE FROM outbox WHERE id = (SELECT id FROM outbox WHERE acked_ms IS NOT NULL ORDER BY id LIMIT 1)", tx))
        {
            if (acked.ExecuteNonQuery() == 1)
            {
                AcknowledgedCount--;
                return true;
            }
        }
        using var drop = Command("DELETE FROM outbox WHERE id = (SELECT id FROM outbox WHERE kind <> $alert ORDER BY id LIMIT 1)", tx);
        drop.Parameters.AddWithValue("$alert", (int)OutboxKind.Alert);
        if (drop.ExecuteNonQuery() == 1)
        {
            Count--;
            DroppedNonAlerts++;
            _logger.LogWarning("MQTT outbox full ({Capacity} entries): dropped the oldest state/status entry", Capacity);
            return true;
        }
        if (incoming.Kind != OutboxKind.Alert)
        {
            // Only alerts remain: a new state/status must not push an alert out, so it is the one that goes.
            DroppedNonAlerts++;
            _logger.LogWarning("MQTT outbox holds only alerts ({Count}); the {Kind} message for {Topic} was not stored", Count, incoming.Kind, incoming.Topic);
            return false;
        }
        AlertsOverCapacity++;
        _logger.LogError(
            "MQTT outbox holds only alerts and is over its capacity of {Capacity}; storing alert for {Topic} anyway (alerts are never dropped)",
            Capacity, incoming.Topic);
        return true;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
