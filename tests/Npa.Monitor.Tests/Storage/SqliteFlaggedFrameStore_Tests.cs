using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Storage;

/// <summary>The flagged-frame store on a temporary folder: modes, atomicity, rate limit, retention, quota, labels.</summary>
[SupportedOSPlatform("linux")]
public sealed class SqliteFlaggedFrameStore_Tests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly ManualClock _clock = new(T0);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Stored_Frame_Has_Row_And_Private_Png_Beside_The_Database()
    {
        using var store = Open();
        byte[] png = Png(1000);
        Assert.Equal(FlagStoreOutcome.Stored, await store.AddAsync(Candidate("bed1", T0, FlagReasons.LowAlpha | FlagReasons.BranchDisagreement), png));

        var frame = Assert.Single(store.List());
        Assert.Equal("bed1", frame.Bed);
        Assert.Equal(T0, frame.Time);
        Assert.Equal(FlagReasons.LowAlpha | FlagReasons.BranchDisagreement, frame.Reasons);
        Assert.Equal(RelabelStatus.Pending, frame.Status);
        Assert.Equal(0.5f, frame.Probabilities[3]);
        Assert.Equal(3, frame.PredictedLevel);
        Assert.Equal("demo@abc123", frame.ModelId);
        Assert.Null(frame.AnnotatorLabel);
        string crop = store.CropPath(frame);
        Assert.Equal(store.Folder, Path.GetDirectoryName(crop));
        Assert.True(File.Exists(Path.Combine(store.Folder, FlaggedStoreOptions.DatabaseFileName)));
        Assert.Equal(png, await File.ReadAllBytesAsync(crop));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(crop));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(Path.Combine(store.Folder, FlaggedStoreOptions.DatabaseFileName)));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(store.Folder));
        var found = store.Find(frame.Id)!;
        Assert.Equal(frame with { Probabilities = [] }, found with { Probabilities = [] });
        Assert.Equal(frame.Probabilities, found.Probabilities);
        Assert.Null(store.Find("missing"));
    }

    [Fact]
    public async Task Many_Concurrent_Writes_Leave_Only_Complete_Pngs_And_No_Temp_Files()
    {
        using var store = Open(minInterval: TimeSpan.Zero);
        var writes = Enumerable.Range(0, 40).Select(i => store.AddAsync(Candidate($"bed{i % 4}", T0.AddSeconds(i)), Png(20_000 + i)));
        Assert.All(await Task.WhenAll(writes), o => Assert.Equal(FlagStoreOutcome.Stored, o));
        var files = Directory.GetFiles(store.Folder, "*.png");
        Assert.Equal(40, files.Length);
        foreach (var frame in store.List()) Assert.Equal(frame.CropBytes, new FileInfo(store.CropPath(frame)).Length);
        Assert.Empty(Directory.GetFiles(store.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Leftovers_Of_A_Crash_Are_Swept_On_Open()
    {
        string folder = _temp.File("flags");
        using (var store = Open())
            await store.AddAsync(Candidate("bed1", T0), Png(100));
        var past = DateTime.UtcNow.AddHours(-2);
        File.WriteAllBytes(Path.Combine(folder, ".abc.png.1234.tmp"), [1, 2]); // a write cut short
        File.SetLastWriteTimeUtc(Path.Combine(folder, ".abc.png.1234.tmp"), past);
        File.WriteAllBytes(Path.Combine(folder, "0123456789abcdef.png"), Png(50)); // crop written, row never committed
        File.SetLastWriteTimeUtc(Path.Combine(folder, "0123456789abcdef.png"), past);
        File.WriteAllBytes(Path.Combine(folder, "fedcba9876543210.png"), Png(50)); // another process is about to commit its row
        using var reopened = Open();
        Assert.Equal(new[] { "fedcba9876543210.png", reopened.List()[0].CropFile }.Order(), Directory.GetFiles(folder, "*.png").Select(f => Path.GetFileName(f)).Order());
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public async Task Rate_Limit_Keeps_At_Most_One_Frame_Per_Bed_Per_Interval()
    {
        using var store = Open(minInterval: TimeSpan.FromSeconds(10));
        Assert.Equal(FlagStoreOutcome.Stored, await store.AddAsync(Candidate("bed1", T0), Png(100)));
        Assert.Equal(FlagStoreOutcome.RateLimited, await store.AddAsync(Candidate("bed1", T0.AddSeconds(9.9)), Png(100)));
        Assert.Equal(FlagStoreOutcome.Stored, await store.AddAsync(Candidate("bed2", T0.AddSeconds(1)), Png(100)));
        Assert.Equal(FlagStoreOutcome.Stored, await store.AddAsync(Candidate("bed1", T0.AddSeconds(10)), Png(100)));
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task Rate_Limit_Remembers_The_Last_Frame_Across_Reopen()
    {
        using (var store = Open(minInterval: TimeSpan.FromSeconds(10)))
            await store.AddAsync(Candidate("bed1", T0), Png(100));
        using var reopened = Open(minInterval: TimeSpan.FromSeconds(10));
        Assert.Equal(FlagStoreOutcome.RateLimited, await reopened.AddAsync(Candidate("bed1", T0.AddSeconds(5)), Png(100)));
    }

    [Fact]
    public async Task Prune_Deletes_Frames_Past_Retention_With_Their_Crops()
    {
        using var store = Open(minInterval: TimeSpan.Zero, retentionDays: 7);
        await store.AddAsync(Candidate("bed1", T0.AddDays(-8)), Png(100));
        await store.AddAsync(Candidate("bed1", T0.AddDays(-6)), Png(100));
        var old = store.List()[0];
        Assert.Equal(1, store.Prune());
        Assert.False(File.Exists(store.CropPath(old)));
        Assert.Equal(T0.AddDays(-6), Assert.Single(store.List()).Time);
        _clock.Now = T0.AddDays(2);
        Assert.Equal(1, store.Prune());
        Assert.Equal(0, store.Count);
        Assert.Empty(Directory.GetFiles(store.Folder, "*.png"));
    }

    [Fact]
    public async Task Writes_Apply_Retention_Without_A_Timer()
    {
        using var store = Open(minInterval: TimeSpan.Zero, retentionDays: 1);
        await store.AddAsync(Candidate("bed1", T0.AddHours(-1)), Png(100));
        _clock.Now = T0.AddDays(1).AddMinutes(11); // the first frame is now past retention, and the last prune is old
        await store.AddAsync(Candidate("bed1", _clock.Now), Png(100));
        Assert.Equal(_clock.Now, Assert.Single(store.List()).Time);
    }

    [Fact]
    public async Task Over_Quota_Evicts_The_Oldest_Unlabelled_Frames_First()
    {
        using var store = Open(minInterval: TimeSpan.Zero, quota: 100_000);
        for (int i = 0; i < 3; i++) await store.AddAsync(Candidate("bed1", T0.AddSeconds(i)), Png(30_000));
        var first = store.List()[0];
        store.ApplyLabels([new AnnotatorLabel(first.Id, 4, "ann")]);

        await store.AddAsync(Candidate("bed1", T0.AddSeconds(3)), Png(30_000)); // 120 kB > 100 kB: one must go
        var kept = store.List();
        Assert.Equal(3, kept.Count);
        Assert.Contains(kept, f => f.Id == first.Id);
        Assert.DoesNotContain(kept, f => f.Time == T0.AddSeconds(1));
        Assert.True(store.UsedBytes <= 100_000);
        Assert.Equal(3, Directory.GetFiles(store.Folder, "*.png").Length);
        Assert.Equal(FlagStoreOutcome.LargerThanQuota, await store.AddAsync(Candidate("bed1", T0.AddSeconds(4)), Png(100_001)));
    }

    [Fact]
    public async Task Labels_With_An_Unknown_Id_Apply_None_Of_Them()
    {
        using var store = Open(minInterval: TimeSpan.Zero);
        await store.AddAsync(Candidate("bed1", T0), Png(100));
        string id = store.List()[0].Id;
        var ex = Assert.Throws<ArgumentException>(() => store.ApplyLabels([new AnnotatorLabel(id, 5, "ann"), new AnnotatorLabel("nope", 2, "ann")]));
        Assert.Contains("no flagged frame has id nope", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RelabelStatus.Pending, store.Find(id)!.Status);

        Assert.Throws<ArgumentException>(() => store.ApplyLabels([new AnnotatorLabel(id, 8, "ann")]));
        store.ApplyLabels([new AnnotatorLabel(id, 5, "ann")]);
        var labelled = store.Find(id)!;
        Assert.Equal((RelabelStatus.Labelled, 5, "ann"), (labelled.Status, labelled.AnnotatorLabel, labelled.Annotator));
    }

    [Fact]
    public async Task Bad_Candidates_Are_Refused_With_A_Reason()
    {
        using var store = Open();
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(Candidate("bed1", T0, FlagReasons.None), Png(10)));
        Assert.Contains("at least one reason", noReason.Message, StringComparison.Ordinal);
        var notPng = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(Candidate("bed1", T0), new byte[] { 1, 2, 3 }));
        Assert.Contains("not a PNG", notPng.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count);
    }

    private SqliteFlaggedFrameStore Open(TimeSpan? minInterval = null, int retentionDays = 30, long quota = 1L << 30) =>
        new(new FlaggedStoreOptions
        {
            Folder = _temp.File("flags"), MinIntervalPerBed = minInterval ?? TimeSpan.FromSeconds(10),
            RetentionDays = retentionDays, QuotaBytes = quota,
        }, _clock);

    internal static FlaggedFrameCandidate Candidate(string bed, DateTimeOffset time, FlagReasons reasons = FlagReasons.LowConfidence) =>
        new(bed, time, reasons, [0.05f, 0.05f, 0.1f, 0.5f, 0.1f, 0.1f, 0.05f, 0.05f], 3, 0.4f, 0.6f, "demo@abc123");

    internal static byte[] Png(int size)
    {
        var bytes = new byte[Math.Max(size, 8)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        for (int i = 8; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
        return bytes;
    }
}
