namespace Npa.Shared.Preprocessing;

public sealed partial record PreprocessSpec
{
    /// <summary>
    /// Centre-crops an already-resized packed 8-bit image and writes it as CHW float32 in this spec's channel order and
    /// normalization. The image's shorter side must be <see cref="ResizeShorterSide"/> (resize it first to
    /// <see cref="ResizeGeometry"/>'s size with OpenCV <c>INTER_LINEAR</c>). Writes the first <see cref="OutputLength"/>
    /// floats of <paramref name="chwDestination"/>.
    /// </summary>
    /// <param name="packed">Rows of <paramref name="width"/> pixels, 3 bytes each, <paramref name="stride"/> bytes apart.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="stride">Bytes from one row's start to the next (at least width × 3).</param>
    /// <param name="format">Byte order of the pixels.</param>
    /// <param name="chwDestination">Receives 3 planes of CropSize × CropSize values.</param>
    public void Normalize(ReadOnlySpan<byte> packed, int width, int height, int stride, PixelFormat format, Span<float> chwDestination)
    {
        ThrowIfInvalid();
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} must be positive");
        if (Math.Min(width, height) != ResizeShorterSide)
        {
            throw new ArgumentException(
                $"image is {width}x{height} but its shorter side must be {ResizeShorterSide}: resize it to ResizeGeometry's size first",
                nameof(packed));
        }
        if (stride < width * 3) throw new ArgumentOutOfRangeException(nameof(stride), $"stride {stride} is less than width×3 = {width * 3}");
        long needed = (long)stride * (height - 1) + width * 3;
        if (packed.Length < needed)
            throw new ArgumentException($"buffer holds {packed.Length} bytes but a {width}x{height} image with stride {stride} needs {needed}", nameof(packed));
        if (chwDestination.Length < OutputLength)
            throw new ArgumentException($"destination holds {chwDestination.Length} floats but 3x{CropSize}x{CropSize} needs {OutputLength}", nameof(chwDestination));
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "unknown pixel format");

        int c = CropSize, plane = c * c;
        var geometry = new CropGeometry(width, height, CropOffset(width), CropOffset(height), c);
        // 256 values per plane cover every byte, so the per-pixel work is a table lookup with exactly the same rounding.
        Span<float> table = stackalloc float[3 * 256];
        Span<int> sourceByte = stackalloc int[3];
        for (int p = 0; p < 3; p++)
        {
            FillTable(table.Slice(p * 256, 256), p);
            sourceByte[p] = SourceByteOf(p, format);
        }
        for (int y = 0; y < c; y++)
        {
            var row = packed.Slice((geometry.CropY + y) * stride + geometry.CropX * 3, c * 3);
            for (int p = 0; p < 3; p++)
            {
                var lut = table.Slice(p * 256, 256);
                var dst = chwDestination.Slice(p * plane + y * c, c);
                for (int x = 0, s = sourceByte[p]; x < c; x++, s += 3) dst[x] = lut[row[s]];
            }
        }
    }

    private void FillTable(Span<float> table, int plane)
    {
        float mean = Mean.ForPlane(ChannelOrder, plane);
        if (Normalization == NormalizationMode.RawMeanSubtraction)
        {
            for (int v = 0; v < 256; v++) table[v] = v - mean;
            return;
        }
        float std = Std!.Value.ForPlane(ChannelOrder, plane);
        // Same float32 steps as torchvision: ToTensor divides by 255, Normalize subtracts then divides.
        for (int v = 0; v < 256; v++) table[v] = (v / 255f - mean) / std;
    }

    /// <summary>Byte index within a pixel holding the colour of output plane <paramref name="plane"/>.</summary>
    private int SourceByteOf(int plane, PixelFormat format)
    {
        // Plane 0 is red for RGB input order and blue for BGR; byte 0 is red in Rgb24 and blue in Bgr24.
        bool sameOrder = (ChannelOrder == ChannelOrder.Rgb) == (format == PixelFormat.Rgb24);
        return sameOrder ? plane : 2 - plane;
    }
}
