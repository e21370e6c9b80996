namespace Npa.Monitor.Storage;

/// <summary>Writes patient data the only way it may be written: atomically (temp + fsync + rename), mode 0600, in 0700 folders.</summary>
public static class PrivateFiles
{
    /// <summary>Mode of every stored file: owner read/write.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode of every folder that holds stored files: owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (mode 0700) if missing; an existing folder keeps its mode.</summary>
    public static void EnsureDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("stored files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        if (Directory.Exists(path)) return;
        Directory.CreateDirectory(path, DirectoryMode);
        File.SetUnixFileMode(path, DirectoryMode);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> so that a reader sees either no file or the whole
    /// file, never a part: a hidden temp file beside it is written, fsynced and renamed over the target.
    /// </summary>
    public static async Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("stored files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        EnsureDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous,
                UnixCreateMode = FileMode,
            };
            await using (var stream = new FileStream(temp, options))
            {
                // The umask could only narrow 0600, but set it explicitly so the mode never depends on the process.
                File.SetUnixFileMode(temp, FileMode);
                await stream.WriteAsync(content, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temp file, which the store's sweep removes later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
