using System.Runtime.InteropServices;
using Npa.Capture.Cropping;
using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Trainer.Data;

/// <summary>
/// Every image of a split decoded once (OpenCV; grayscale becomes 3-channel), resized by the Monitor's own
/// <see cref="ModelInputResize"/> and centre-cropped, kept as packed BGR bytes (3·S·S per image) so that an epoch only normalises.
/// </summary>
public sealed class ImageCache
{
    private readonly byte[][] crops;

    private ImageCache(byte[][] crops, int size)
    {
        this.crops = crops;
        Size = size;
    }

    /// <summary>Side of the cached square crops.</summary>
    public int Size { get; }

    /// <summary>Number of images.</summary>
    public int Count => crops.Length;

    /// <summary>The packed BGR crop of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => crops[index];

    /// <summary>Decodes and crops <paramref name="paths"/> in parallel.</summary>
    public static ImageCache Load(IReadOnlyList<string> paths, PreprocessSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(spec);
        spec.ThrowIfInvalid();
        var crops = new byte[paths.Count][];
        Parallel.For(0, paths.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => crops[i] = LoadOne(paths[i], spec));
        return new ImageCache(crops, spec.CropSize);
    }

    /// <summary>Decodes one image file and returns its packed BGR centre crop.</summary>
    public static byte[] LoadOne(string path, PreprocessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!File.Exists(path)) throw new FileNotFoundException($"image not found: {path}", path);
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty()) throw new InvalidDataException($"cannot decode image {path} (not an image OpenCV can read)");
        var g = spec.ResizeGeometry(image.Width, image.Height);
        using var resized = ModelInputResize.Resize(image, spec);
        using var roi = new Mat(resized, new Rect(g.CropX, g.CropY, g.CropSize, g.CropSize));
        using var crop = roi.Clone();
        var bytes = new byte[3 * g.CropSize * g.CropSize];
        Marshal.Copy(crop.Data, bytes, 0, bytes.Length);
        return bytes;
    }
}
