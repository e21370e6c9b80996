using Npa.Monitor.Configuration;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Hosting;

/// <summary>Loads the crop key ring at start, so a key readable by others or of the wrong size stops the monitor before any bed runs.</summary>
internal static class CropKeyProbe
{
    /// <summary>The problem with <see cref="StorageOptions.CropKeyRing"/>, naming the key and file, or null when it loads (or is not set).</summary>
    public static string? Check(StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(storage.CropKeyRing)) return null;
        try
        {
            CropKeyRing.Load(storage.CropKeyRing, $"{StorageOptions.Section}:CropKeyRing");
            return null;
        }
        catch (Exception ex) when (ex is CropKeyRingException or IOException or UnauthorizedAccessException)
        {
            return ex is CropKeyRingException ? ex.Message : $"{StorageOptions.Section}:CropKeyRing: {ex.Message}";
        }
    }
}
