using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Hosting;

/// <summary>What a kill -9 mid-write leaves in the flagged store is gone once the monitor has started again.</summary>
[SupportedOSPlatform("linux")]
public sealed class StoreLeftovers_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Crop_Temp_File_Left_By_A_Kill_Is_Swept_At_Start_Not_An_Hour_Later()
    {
        string data = _temp.File("data");
        string flagged = Path.Combine(data, FlaggedStoreOptions.FolderName);
        PrivateFiles.EnsureDirectory(data);
        PrivateFiles.EnsureDirectory(flagged);
        // Written a moment ago by the monitor that was killed: fresh files, which the old one-hour rule kept.
        string temp = Path.Combine(flagged, ".0197a1b2c3d4e5f60718293a4b5c6d7e.png.0123456789abcdef0123456789abcdef.tmp");
        string orphan = Path.Combine(flagged, "0197a1b2c3d4e5f60718293a4b5c6d7f.png");
        await File.WriteAllBytesAsync(temp, [0x89, 0x50]);
        await File.WriteAllBytesAsync(orphan, SqliteFlaggedFrameStore_Tests.Png(64));

        await using var monitor = await TestMonitor.StartAsync(s => s["Storage:DataDirectory"] = data);

        Assert.False(File.Exists(temp), "the crop .tmp of the killed write is still there");
        Assert.False(File.Exists(orphan), "the crop whose row was never committed is still there");
        Assert.True(File.Exists(Path.Combine(flagged, FlaggedStoreOptions.DatabaseFileName)));
    }
}
