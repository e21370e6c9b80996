using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Six neonatal skin tones from lightest (0) to darkest (5), as BGR.</summary>
public static class SkinTonePalette
{
    /// <summary>Number of tones.</summary>
    public const int Count = 6;

    /// <summary>The darkest tone index; the hardest detection group uses it.</summary>
    public const int Darkest = Count - 1;

    /// <summary>Base BGR colour of a tone.</summary>
    public static Scalar Bgr(int tone) => tone switch
    {
        0 => new Scalar(176, 198, 244),
        1 => new Scalar(150, 178, 228),
        2 => new Scalar(118, 150, 204),
        3 => new Scalar(88, 120, 170),
        4 => new Scalar(62, 90, 132),
        5 => new Scalar(44, 64, 96),
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, $"skin tone must be 0..{Count - 1}"),
    };
}
