using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Npa.Monitor.Storage;

/// <summary>
/// Bounded, persistent FIFO of QoS 1 MQTT messages (SQLite, WAL, synchronous=FULL), so that alerts survive a
/// broker outage and a process restart. Entries leave only through <see cref="Remove"/>, after the broker's PUBACK.
/// </summary>
/// <remarks>
/// Overflow policy, when <see cref="Count"/> reaches the capacity: the oldest non-alert entry (a retained state or
/// status, which a later one supersedes anyway) is dropped to make room. Alerts are never dropped: when only alerts
/// remain, the new alert is still stored beyond the capacity, an error is logged and
/// <see cref="AlertsOverCapacity"/> rises. Losing a pain alert is worse than using more disk.
/// </remarks>
public sealed class SqliteOutbox : IDisposable
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
                retain INTEGER NOT NULL);
            """);
        Count = (int)(long)SqliteFiles.Scalar(_connection, "SELECT COUNT(*) FROM outbox")!;
    }

    /// <summary>Entries above which non-alerts are dropped.</summary>
    public int Capacity { get; }

    /// <summary>Entries now waiting.</summary>
    public int Count { get; private set; }

    /// <summary>Non-alert entries dropped because the outbox was full (since this instance opened).</summary>
    public long DroppedNonAlerts { get; private set; }

    /// <summary>Alerts stored beyond the capacity because only alerts remained (since this instance opened).</summary>
    public long AlertsOverCapacity { get; private set; }

    /// <summary>
    /// Appends a message durably (the call returns after the fsync) and returns its id, or null when the message is
    /// a state/status that could not be stored because the outbox is full of alerts.
    /// </summary>
    public long? Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction();
            if (Count >= Capacity && !MakeRoom(tx, message)) return null;
            using var insert = _connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO outbox (kind, topic, payload, qos, retain) VALUES ($k, $t, $p, $q, $r); SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$k", (int)message.Kind);
            insert.Parameters.AddWithValue("$t", message.Topic);
            insert.Parameters.AddWithValue("$p", message.Payload.ToArray());
            insert.Parameters.AddWithValue("$q", message.QoS);
            insert.Parameters.AddWithValue("$r", message.Retain ? 1 : 0);
            long id = (long)insert.ExecuteScalar()!;
            tx.Commit();
            Count++;
            return id;
        }
    }

    /// <summary>The oldest <paramref name="max"/> entries, oldest first; they stay until removed.</summary>
    public IReadOnlyList<OutboxEntry> Peek(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, kind, topic, payload, qos, retain FROM outbox ORDER BY id LIMIT $n";
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

    /// <summary>Removes an entry once the broker acknowledged it; removing a missing id does nothing.</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "DELETE FROM outbox WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            Count -= cmd.ExecuteNonQuery();
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
        using var drop = _connection.CreateCommand();
        drop.Transaction = tx;
        drop.CommandText = "DELETE FROM outbox WHERE id = (SELECT id FROM outbox WHERE kind <> $alert ORDER BY id LIMIT 1)";
        drop.Parameters.AddWithValue("$alert", (int)OutboxKind.Alert);
        if (drop.ExecuteNonQuery() == 1)
        {
            Count--;
            DroppedNonAlerts++;
            _logger.LogWarning("MQTT outbox full ({Capacity} entries): dropped the oldest non-alert entry", Capacity);
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

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
