using System.Runtime.InteropServices;

namespace Npa.Monitor.Models.Promotion;

/// <summary>
/// Swaps two folders in one step (Linux <c>renameat2(RENAME_EXCHANGE)</c>): the watched model path holds the whole old
/// package or the whole new one at every instant, never a half-copied one nor nothing.
/// </summary>
internal static class DirectorySwap
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges the folders (or files) at <paramref name="a"/> and <paramref name="b"/>; both must exist on one file system.</summary>
    public static void Exchange(string a, string b)
    {
        if (Renameat2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0) return;
        int errno = Marshal.GetLastPInvokeError();
        throw new IOException($"cannot swap {a} and {b} atomically: renameat2 failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
    }

    // DllImport, not LibraryImport: the generated marshaller needs unsafe blocks, which this project does not allow.
    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
    private static extern int Renameat2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
#pragma warning restore SYSLIB1054
}
