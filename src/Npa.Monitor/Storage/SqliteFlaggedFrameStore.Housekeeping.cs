using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Npa.Monitor.Storage;

/// <summary>Retention, quota and crash clean-up of the flagged-frame store.</summary>
public sealed partial class SqliteFlaggedFrameStore
{
    /// <inheritdoc />
    public int Prune()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _lastPrune = _time.GetUtcNow();
            long cutoff = (_time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays)).ToUnixTimeMilliseconds();
            using var tx = _connection.BeginTransaction();
            var expired = FlaggedFrameRows.Query(_connection, "WHERE time_ms < $cut", ("$cut", cutoff));
            DeleteRows(tx, expired);
            var evicted = EvictForQuota(tx, 0);
            tx.Commit();
            DeleteCrops(expired);
            DeleteCrops(evicted);
            if (expired.Count + evicted.Count > 0)
                _logger.LogInformation("Flagged store pruned {Expired} expired and {Evicted} over-quota frames", expired.Count, evicted.Count);
            return expired.Count + evicted.Count;
        }
    }

    private List<FlaggedFrame> EvictForQuota(SqliteTransaction tx, long incoming)
    {
        var evicted = new List<FlaggedFrame>();
        long over = _usedBytes + incoming - _options.QuotaBytes;
        if (over <= 0) return evicted;
        // Oldest first, but human work (labelled frames) only after every unlabelled one.
        foreach (var f in FlaggedFrameRows.Query(_connection, "ORDER BY status = 'labelled', time_ms, id"))
        {
            if (over <= 0) break;
            evicted.Add(f);
            over -= f.CropBytes;
        }
        DeleteRows(tx, evicted);
        _logger.LogWarning("Flagged store over its quota of {Quota} bytes: evicted {Count} oldest frames", _options.QuotaBytes, evicted.Count);
        return evicted;
    }

    private void DeleteRows(SqliteTransaction tx, List<FlaggedFrame> frames)
    {
        foreach (var f in frames)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM flagged WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", f.Id);
            cmd.ExecuteNonQuery();
            _usedBytes -= f.CropBytes;
        }
    }

    private void DeleteCrops(List<FlaggedFrame> frames)
    {
        foreach (var f in frames) File.Delete(CropPath(f));
    }

    private void SweepOrphans()
    {
        var known = FlaggedFrameRows.Query(_connection, "").Select(f => f.CropFile).ToHashSet(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(Folder))
        {
            string name = Path.GetFileName(path);
            bool leftover = (name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal))
                || ((name.EndsWith(".png", StringComparison.Ordinal) || name.EndsWith(".png" + CropCipher.SealedExtension, StringComparison.Ordinal))
                    && !known.Contains(name));
            // The age guard is for the CLI: the running monitor beside it may be mid-write right now.
            if (leftover && File.GetLastWriteTimeUtc(path) <= DateTime.UtcNow - _options.SweepLeftoversOlderThan) File.Delete(path);
        }
    }
}
