using System.CommandLine;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Commands;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Storage;
using Npa.Shared.Datasets;

namespace Npa.Monitor.Tests.Storage;

/// <summary>Crops sealed at rest with AES-GCM: round trip, tampering, wrong or missing keys, rotation, key modes, export.</summary>
[SupportedOSPlatform("linux")]
public sealed class CropEncryption_Tests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Sealed_Crop_Is_Private_Holds_No_Plain_Png_And_Reads_Back_Exactly()
    {
        string ring = Ring("ring", "20261201T000000Z");
        using var store = Open(ring);
        byte[] png = SqliteFlaggedFrameStore_Tests.Png(4000);
        Assert.Equal(FlagStoreOutcome.Stored, await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), png));

        var frame = Assert.Single(store.List());
        string path = store.CropPath(frame);
        Assert.EndsWith(".png.enc", path, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(store.Folder, "*.png"));
        byte[] onDisk = await File.ReadAllBytesAsync(path);
        Assert.False(onDisk.AsSpan().StartsWith(png.AsSpan(0, 8)));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(png.AsSpan(100, 64)));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
        Assert.Equal(onDisk.Length, frame.CropBytes);
        Assert.Equal(png, await store.ReadCropAsync(frame));
    }

    [Fact]
    public async Task Flipped_Byte_Is_Refused_With_A_Clear_Error_And_Nothing_Is_Lost()
    {
        string ring = Ring("ring", "k1");
        using var store = Open(ring);
        await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), SqliteFlaggedFrameStore_Tests.Png(2000));
        var frame = Assert.Single(store.List());
        string path = store.CropPath(frame);
        byte[] bytes = await File.ReadAllBytesAsync(path);
        bytes[^100] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var ex = await Assert.ThrowsAsync<CropUnreadableException>(() => store.ReadCropAsync(frame));
        Assert.Contains("fails its integrity check", ex.Message, StringComparison.Ordinal);
        Assert.Contains(frame.Id, ex.Message, StringComparison.Ordinal);
        var export = await Assert.ThrowsAsync<CropUnreadableException>(() => FlagsExporter.ExportAsync(store, _temp.File("out"), null));
        Assert.Contains(frame.Id, export.Message, StringComparison.Ordinal);

        Assert.False(File.Exists(_temp.File("out/manifest.csv")));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(RelabelStatus.Pending, Assert.Single(store.List()).Status);
    }

    [Fact]
    public async Task Crop_Swapped_Onto_Another_Frame_Fails_Its_Check()
    {
        using var store = Open(Ring("ring", "k1"));
        await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), SqliteFlaggedFrameStore_Tests.Png(900));
        await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed2", T0.AddSeconds(1)), SqliteFlaggedFrameStore_Tests.Png(901));
        var frames = store.List();
        File.Copy(store.CropPath(frames[0]), store.CropPath(frames[1]), overwrite: true);

        Assert.Equal(SqliteFlaggedFrameStore_Tests.Png(900), await store.ReadCropAsync(frames[0]));
        await Assert.ThrowsAsync<CropUnreadableException>(() => store.ReadCropAsync(frames[1]));
    }

    [Fact]
    public async Task Wrong_Or_Missing_Key_Says_Which_Key_Is_Needed()
    {
        string folder = _temp.File("flags");
        using (var store = Open(Ring("ring-a", "alpha"), folder))
            await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), SqliteFlaggedFrameStore_Tests.Png(700));

        using (var other = Open(Ring("ring-b", "beta"), folder))
        {
            var ex = await Assert.ThrowsAsync<CropUnreadableException>(() => other.ReadCropAsync(other.List()[0]));
            Assert.Contains("sealed with key 'alpha', which is not in the key ring", ex.Message, StringComparison.Ordinal);
        }
        SqliteConnection.ClearAllPools();
        // Same id, other bytes: the tag catches a key file that was replaced rather than rotated.
        string impostor = _temp.File("ring-c");
        Directory.CreateDirectory(impostor);
        WriteKey(impostor, "alpha");
        using (var replaced = Open(impostor, folder))
            await Assert.ThrowsAsync<CropUnreadableException>(() => replaced.ReadCropAsync(replaced.List()[0]));
        SqliteConnection.ClearAllPools();
        using var plain = new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = folder, MinIntervalPerBed = TimeSpan.Zero });
        var none = await Assert.ThrowsAsync<CropUnreadableException>(() => plain.ReadCropAsync(plain.List()[0]));
        Assert.Contains("no key ring is configured (Storage:CropKeyRing)", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_Rotation_New_Crops_Use_The_Newest_Key_And_Old_Crops_Still_Read()
    {
        string ring = Ring("ring", "20260101T000000Z");
        string folder = _temp.File("flags");
        using (var store = Open(ring, folder))
            await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), SqliteFlaggedFrameStore_Tests.Png(600));
        SqliteConnection.ClearAllPools();
        WriteKey(ring, "20260601T000000Z");

        using var rotated = Open(ring, folder);
        await rotated.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed2", T0.AddMinutes(1)), SqliteFlaggedFrameStore_Tests.Png(601));
        var frames = rotated.List();
        Assert.Equal(2, frames.Count);
        Assert.Equal("20260101T000000Z", Encoding.ASCII.GetString(KeyIdOf(rotated.CropPath(frames[0]))));
        Assert.Equal("20260601T000000Z", Encoding.ASCII.GetString(KeyIdOf(rotated.CropPath(frames[1]))));
        Assert.Equal(SqliteFlaggedFrameStore_Tests.Png(600), await rotated.ReadCropAsync(frames[0]));
        Assert.Equal(SqliteFlaggedFrameStore_Tests.Png(601), await rotated.ReadCropAsync(frames[1]));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "mode 0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherRead, "mode 0404")]
    public void Key_Readable_By_Group_Or_Others_Is_Refused_Naming_The_File(UnixFileMode mode, string expected)
    {
        string ring = Ring("ring", "k1");
        File.SetUnixFileMode(Path.Combine(ring, "k1.key"), mode);
        var ex = Assert.Throws<CropKeyRingException>(() => CropKeyRing.Load(ring));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("k1.key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:CropKeyRing", CropKeyProbe.Check(new StorageOptions { CropKeyRing = ring }), StringComparison.Ordinal);
    }

    [Fact]
    public void Short_Key_Empty_Folder_And_Missing_Folder_Are_Refused_Naming_The_Setting()
    {
        string ring = _temp.File("ring");
        Directory.CreateDirectory(ring);
        Assert.Contains("holds no *.key file", Assert.Throws<CropKeyRingException>(() => CropKeyRing.Load(ring)).Message, StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(ring, "short.key"), new byte[16]);
        File.SetUnixFileMode(Path.Combine(ring, "short.key"), PrivateFiles.FileMode);
        Assert.Contains("holds 16 bytes", Assert.Throws<CropKeyRingException>(() => CropKeyRing.Load(ring)).Message, StringComparison.Ordinal);
        var missing = Assert.Throws<CropKeyRingException>(() => CropKeyRing.Load(_temp.File("nowhere")));
        Assert.StartsWith("Storage:CropKeyRing: the key folder", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Hands_Annotators_Plain_Private_Pngs_That_Import_Accepts()
    {
        string ring = Ring("ring", "k1");
        string data = _temp.File("data");
        using (var store = Open(ring, Path.Combine(data, FlaggedStoreOptions.FolderName)))
            await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed1", T0), SqliteFlaggedFrameStore_Tests.Png(800));
        string config = _temp.File("monitor.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "DataDirectory": "{{data}}", "EncryptCrops": true, "CropKeyRing": "{{ring}}" } }""");

        var (code, _, stderr) = await RunAsync("flags", "export", "--out", _temp.File("batch"), "--config", config);
        Assert.True(code == 0, stderr);
        var entry = Assert.Single(DatasetManifestReader.Read(_temp.File("batch/manifest.csv")));
        Assert.EndsWith(".png", entry.Path, StringComparison.Ordinal);
        Assert.Equal(SqliteFlaggedFrameStore_Tests.Png(800), await File.ReadAllBytesAsync(entry.Path));
        Assert.All(Directory.GetFiles(_temp.File("batch")), f => Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(f)));

        (code, _, stderr) = await RunAsync("flags", "import", _temp.File("batch/manifest.csv"), "--annotator", "dr-b", "--config", config);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Encryption_Without_A_Key_Ring_Is_An_Options_Error_Naming_The_Key()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { EncryptCrops = true });
        Assert.True(result.Failed);
        Assert.Contains("Storage:CropKeyRing: is required when Storage:EncryptCrops is true", result.FailureMessage, StringComparison.Ordinal);
    }

    private SqliteFlaggedFrameStore Open(string ring, string? folder = null) =>
        new(new FlaggedStoreOptions { Folder = folder ?? _temp.File("flags"), MinIntervalPerBed = TimeSpan.Zero, EncryptCrops = true, CropKeyRing = ring });

    private string Ring(string name, string keyId)
    {
        string folder = _temp.File(name);
        Directory.CreateDirectory(folder);
        WriteKey(folder, keyId);
        return folder;
    }

    private static void WriteKey(string folder, string keyId)
    {
        string path = Path.Combine(folder, keyId + CropKeyRing.KeyExtension);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(CropKeyRing.KeyBytes));
        File.SetUnixFileMode(path, PrivateFiles.FileMode);
    }

    private static byte[] KeyIdOf(string sealedPath)
    {
        byte[] bytes = File.ReadAllBytes(sealedPath);
        return bytes.AsSpan(6, bytes[5]).ToArray();
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { FlagsCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
