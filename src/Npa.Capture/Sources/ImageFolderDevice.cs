using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>Reads the still images of a folder in ordinal name order, one per <see cref="TryRead"/>.</summary>
public sealed class ImageFolderDevice : IVideoDevice
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"];
    private readonly string[] _files;
    private int _next;

    private ImageFolderDevice(string[] files) => _files = files;

    public double? NativeFps => null;

    /// <summary>The image files, in the order they are read.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Lists the folder; throws naming it when it is missing or holds no images.</summary>
    public static ImageFolderDevice Open(string folder)
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

        return new ImageFolderDevice(files);
    }

    public bool TryRead(out Mat? frame)
    {
        frame = null;
        if (_next >= _files.Length)
        {
            return false;
        }

        string file = _files[_next++];
        Mat image = Cv2.ImRead(file, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidDataException($"image '{file}' could not be decoded");
        }

        frame = image;
        return true;
    }

    public void Dispose()
    {
        // Nothing native is held between reads.
    }
}
