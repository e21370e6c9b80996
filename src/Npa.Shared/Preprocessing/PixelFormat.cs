namespace Npa.Shared.Preprocessing;

/// <summary>Byte layout of a packed 8-bit, 3-channel source buffer.</summary>
public enum PixelFormat
{
    /// <summary>B, G, R bytes per pixel (OpenCV's default Mat layout).</summary>
    Bgr24,

    /// <summary>R, G, B bytes per pixel.</summary>
    Rgb24,
}
