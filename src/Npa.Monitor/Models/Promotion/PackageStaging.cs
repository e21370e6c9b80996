using System.IO.Compression;
using Npa.Monitor.Storage;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Models.Promotion;

/// <summary>Copies a package (folder or .zip) into a staging path in the form the watched path takes, with private modes.</summary>
internal static class PackageStaging
{
    /// <summary>Writes <paramref name="source"/> to <paramref name="staged"/>: a .zip file when <paramref name="asZip"/>, else a folder.</summary>
    public static void Copy(string source, string staged, bool asZip)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("model files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        if (asZip)
        {
            if (Directory.Exists(source)) ZipFile.CreateFromDirectory(source, staged);
            else File.Copy(source, staged);
            File.SetUnixFileMode(staged, PrivateFiles.FileMode);
            return;
        }
        Directory.CreateDirectory(staged, PrivateFiles.DirectoryMode);
        File.SetUnixFileMode(staged, PrivateFiles.DirectoryMode);
        if (Directory.Exists(source)) CopyFolder(source, staged);
        else ExtractZip(source, staged);
        foreach (string file in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, PrivateFiles.FileMode);
        foreach (string dir in Directory.EnumerateDirectories(staged, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(dir, PrivateFiles.DirectoryMode);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (string dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
    }

    private static void ExtractZip(string zip, string target)
    {
        ZipFile.ExtractToDirectory(zip, target);
        if (File.Exists(Path.Combine(target, ModelPackageFiles.Manifest))) return;
        // Zipping a folder puts the files under one top folder; the watched folder holds them at its root.
        var tops = Directory.GetDirectories(target);
        if (tops.Length != 1 || Directory.GetFiles(target).Length != 0) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(tops[0]))
        {
            string to = Path.Combine(target, Path.GetFileName(entry));
            if (Directory.Exists(entry)) Directory.Move(entry, to);
            else File.Move(entry, to);
        }
        Directory.Delete(tops[0]);
    }
}
