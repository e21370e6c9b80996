using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>
/// Reads the still images of a folder in ordinal name order, one per <see cref="TryRead"/>. A file that does not decode
/// (cut short, still being copied, not an image) is skipped and reported, so one bad file never stalls the folder.
/// </summary>
public sealed class ImageFolderDevice : IVideoDevice
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"];
    private readonly string _folder;
    private readonly string[] _files;
    private readonly Action<string>? _undecodable;
    private int _next;
    private int _decoded;

    private ImageFolderDevice(string folder, string[] files, Action<string>? undecodable)
    {
        _folder = folder;
        _files = files;
        _undecodable = undecodable;
    }

    public double? NativeFps => null;

    /// <summary>The image files, in the order they are read.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Lists the folder; throws naming it when it is missing or holds no images.</summary>
    /// <param name="folder">The folder to read.</param>
    /// <param name="undecodable">Hears the path of each file skipped because it did not decode.</param>
    public static ImageFolderDevice Open(string folder, Action<string>? undecodable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"image folder '{folder}' does not exist");
        }

        string[] files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new IOException($"image folder '{folder}' holds no images ({string.Join(", ", Extensions)})");
        }

        return new ImageFolderDevice(folder, files, undecodable);
    }

    /// <summary>The next image that decodes; false at the end. Throws when a whole pass found no image that decodes.</summary>
    public bool TryRead(out Mat? frame)
    {
        frame = null;
        while (_next < _files.Length)
        {
            string file = _files[_next++];
            Mat image = Cv2.ImRead(file, ImreadModes.Color);
            if (!image.Empty())
            {
                _decoded++;
                frame = image;
                return true;
            }

            image.Dispose();
            _undecodable?.Invoke(file);
        }

        if (_decoded == 0)
        {
            // Nothing to show: fail, so the camera goes offline and retries on its back-off instead of spinning.
            throw new InvalidDataException($"image folder '{_folder}' holds no image that decodes ({_files.Length} tried)");
        }

        return false;
    }

    public void Dispose()
    {
        // Nothing native is held between reads.
    }
}
