using Npa.Monitor.Storage;

namespace Npa.Monitor.Hosting;

/// <summary>Makes sure a data folder exists (0700) and takes a file, before any store opens inside it.</summary>
public static class DataFolderProbe
{
    /// <summary>A readable line naming <paramref name="key"/> and the folder when it cannot be used, else null.</summary>
    public static string? Check(string key, string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        try
        {
            PrivateFiles.EnsureDirectory(full);
            string probe = Path.Combine(full, $".write-check.{Guid.NewGuid():N}.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string why = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "it does not exist and cannot be created there",
                _ => ex.Message,
            };
            return $"{key} '{full}' is not a writable folder: {why}";
        }
    }
}
