using System.Runtime.Versioning;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Storage;

/// <summary>Atomic, private file writes.</summary>
[SupportedOSPlatform("linux")]
public sealed class PrivateFiles_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Written_File_Is_0600_In_A_0700_Folder_With_Full_Content()
    {
        string path = _temp.File("crops/a.png");
        byte[] content = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
        await PrivateFiles.WriteAtomicAsync(path, content);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_temp.File("crops")));
        Assert.Single(Directory.GetFiles(_temp.File("crops")));
    }

    [Fact]
    public async Task Overwrite_Replaces_The_Whole_File_And_Keeps_0600()
    {
        string path = _temp.File("a.png");
        await File.WriteAllTextAsync(path, "old content that is longer than the new one");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await PrivateFiles.WriteAtomicAsync(path, "new"u8.ToArray());
        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Failed_Write_Leaves_Neither_A_Partial_Target_Nor_A_Temp_File()
    {
        // The rename cannot replace a folder: the write fails after the temp file was complete.
        string path = _temp.File("target.png");
        Directory.CreateDirectory(path);
        await Assert.ThrowsAnyAsync<IOException>(() => PrivateFiles.WriteAtomicAsync(path, new byte[4096]));
        Assert.True(Directory.Exists(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Cancelled_Write_Leaves_No_File()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        string path = _temp.File("x.png");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PrivateFiles.WriteAtomicAsync(path, new byte[1024], cts.Token));
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
