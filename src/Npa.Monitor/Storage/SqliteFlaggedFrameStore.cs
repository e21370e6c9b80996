using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Shared.Nips;

namespace Npa.Monitor.Storage;

/// <summary>
/// Flagged-frame store on SQLite (WAL) with each crop as <c>{id}.png</c> beside the database (or, sealed with
/// AES-GCM, <c>{id}.png.enc</c>), written atomically with mode 0600. Enforces a per-bed rate limit, a retention time and a disk quota on the crops' bytes.
/// </summary>
public sealed partial class SqliteFlaggedFrameStore : IFlaggedFrameStore
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private readonly FlaggedStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteConnection _connection;
    private readonly CropKeyRing? _keys;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastStoredPerBed = new(StringComparer.Ordinal);
    private long _usedBytes;
    private DateTimeOffset _lastPrune;
    private bool _disposed;

    /// <summary>Opens (or creates) the store in <see cref="FlaggedStoreOptions.Folder"/> and sweeps leftovers of a crash.</summary>
    public SqliteFlaggedFrameStore(FlaggedStoreOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _keys = options.CropKeyRing is { } ring ? CropKeyRing.Load(ring) : null;
        Folder = Path.GetFullPath(options.Folder);
        _connection = SqliteFiles.OpenPrivate(Path.Combine(Folder, FlaggedStoreOptions.DatabaseFileName));
        SqliteFiles.Execute(_connection, FlaggedFrameRows.Schema);
        foreach (var f in FlaggedFrameRows.Query(_connection, ""))
        {
            _usedBytes += f.CropBytes;
            if (!_lastStoredPerBed.TryGetValue(f.Bed, out var last) || f.Time > last) _lastStoredPerBed[f.Bed] = f.Time;
        }
        SweepOrphans();
        Prune();
    }

    /// <summary>Folder of the database and the crops.</summary>
    public string Folder { get; }

    /// <summary>Bytes of crops now stored (what the quota counts).</summary>
    public long UsedBytes { get { lock (_gate) return _usedBytes; } }

    /// <inheritdoc />
    public int Count { get { lock (_gate) { ThrowIfDisposed(); return (int)(long)SqliteFiles.Scalar(_connection, "SELECT COUNT(*) FROM flagged")!; } } }

    /// <inheritdoc />
    public async Task<FlagStoreOutcome> AddAsync(FlaggedFrameCandidate candidate, ReadOnlyMemory<byte> cropPng, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Check(candidate, cropPng.Span);
        if (cropPng.Length > _options.QuotaBytes) return FlagStoreOutcome.LargerThanQuota;
        DateTimeOffset? previous;
        lock (_gate)
        {
            ThrowIfDisposed();
            previous = _lastStoredPerBed.TryGetValue(candidate.Bed, out var last) ? last : null;
            if (previous is { } p && candidate.Time - p < _options.MinIntervalPerBed && candidate.Time >= p)
                return FlagStoreOutcome.RateLimited;
            _lastStoredPerBed[candidate.Bed] = candidate.Time; // reserve the slot while the crop is written
        }
        string id = Guid.CreateVersion7(candidate.Time).ToString("N");
        var content = _options.EncryptCrops ? CropCipher.Seal(_keys!, id, cropPng.Span) : cropPng;
        var frame = new FlaggedFrame(id, candidate.Bed, candidate.Time, candidate.Reasons, [.. candidate.Probabilities],
            candidate.PredictedLevel, candidate.AlphaA, candidate.AlphaB, candidate.ModelId, RelabelStatus.Pending,
            null, null, id + ".png" + (_options.EncryptCrops ? CropCipher.SealedExtension : ""), content.Length);
        try
        {
            // Crop first, row second: a crash in between leaves an orphan crop that the next open sweeps away.
            await PrivateFiles.WriteAtomicAsync(Path.Combine(Folder, frame.CropFile), content, ct);
            lock (_gate)
            {
                ThrowIfDisposed();
                using var tx = _connection.BeginTransaction();
                var evicted = EvictForQuota(tx, frame.CropBytes);
                FlaggedFrameRows.Insert(_connection, tx, frame);
                tx.Commit();
                _usedBytes += frame.CropBytes;
                DeleteCrops(evicted);
            }
            // Retention runs with the writes, so the store needs no timer of its own.
            if (_time.GetUtcNow() - _lastPrune > PruneEvery) Prune();
            return FlagStoreOutcome.Stored;
        }
        catch
        {
            lock (_gate)
            {
                if (previous is { } p) _lastStoredPerBed[candidate.Bed] = p;
                else _lastStoredPerBed.Remove(candidate.Bed);
            }
            throw;
        }
    }

    /// <inheritdoc />
    public FlaggedFrame? Find(string id)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return FlaggedFrameRows.Query(_connection, "WHERE id = $id", ("$id", id)).SingleOrDefault();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FlaggedFrame> List(RelabelStatus? status = null)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return status is { } s
                ? FlaggedFrameRows.Query(_connection, "WHERE status = $s ORDER BY time_ms, id", ("$s", FlaggedFrameRows.StatusCode(s)))
                : FlaggedFrameRows.Query(_connection, "ORDER BY time_ms, id");
        }
    }

    /// <inheritdoc />
    public string CropPath(FlaggedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Path.Combine(Folder, frame.CropFile);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadCropAsync(FlaggedFrame frame, CancellationToken ct = default)
    {
        string path = CropPath(frame);
        byte[] bytes = await File.ReadAllBytesAsync(path, ct);
        return frame.CropFile.EndsWith(CropCipher.SealedExtension, StringComparison.Ordinal)
            ? CropCipher.Open(_keys, frame.Id, bytes, path)
            : bytes;
    }

    /// <inheritdoc />
    public void ApplyLabels(IReadOnlyList<AnnotatorLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction();
            foreach (var label in labels)
            {
                if (!NipsScale.IsValidScore(label.Label))
                    throw new ArgumentException($"label {label.Label} for flagged frame {label.Id} is outside NIPS 0..{NipsScale.MaxScore}", nameof(labels));
                using var cmd = _connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "UPDATE flagged SET label = $l, annotator = $a, status = 'labelled' WHERE id = $id";
                cmd.Parameters.AddWithValue("$l", label.Label);
                cmd.Parameters.AddWithValue("$a", label.Annotator);
                cmd.Parameters.AddWithValue("$id", label.Id);
                if (cmd.ExecuteNonQuery() != 1)
                    throw new ArgumentException($"no flagged frame has id {label.Id}", nameof(labels));
            }
            tx.Commit(); // an exception above disposes the transaction uncommitted: nothing is applied
        }
    }

    /// <inheritdoc />
    public void MarkExported(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var tx = _connection.BeginTransaction();
            foreach (string id in ids)
            {
                using var cmd = _connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "UPDATE flagged SET status = 'exported' WHERE id = $id AND status = 'pending'";
                cmd.Parameters.AddWithValue("$id", id);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
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

    private static void Check(FlaggedFrameCandidate c, ReadOnlySpan<byte> png)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(c.Bed);
        ArgumentException.ThrowIfNullOrWhiteSpace(c.ModelId);
        if (c.Reasons == FlagReasons.None) throw new ArgumentException("a flagged frame needs at least one reason", nameof(c));
        if (c.Probabilities.Count != NipsScale.ClassCount)
            throw new ArgumentException($"expected {NipsScale.ClassCount} probabilities, got {c.Probabilities.Count}", nameof(c));
        if (!NipsScale.IsValidScore(c.PredictedLevel))
            throw new ArgumentException($"predicted level {c.PredictedLevel} is outside NIPS 0..{NipsScale.MaxScore}", nameof(c));
        if (!png.StartsWith(PngSignature)) throw new ArgumentException("the crop is not a PNG (bad signature)", nameof(png));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
