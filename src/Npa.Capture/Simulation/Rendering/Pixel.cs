using System.Numerics;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Float to 8-bit pixel arithmetic for the renderer's per-pixel passes.</summary>
internal static class Pixel
{
    /// <summary>As OpenCV's saturate_cast: rounded half to even, clamped to 0..255.</summary>
    public static byte Round(float v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)MathF.Round(v);

    /// <summary>As <see cref="Round"/>, but half rounds up (what <c>(byte)(v + 0.5f)</c> gives).</summary>
    public static byte RoundHalfUp(float v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)(v + 0.5f);

    /// <summary>
    /// values[i] = <see cref="RoundHalfUp"/>(values[i]·(gain[i] + gainOffset)), SIMD-wide where the CPU allows: a camera
    /// frame is a million values, and this pass runs on every rendered frame. A per-column gain plus a per-row offset
    /// is a linear lighting gradient without a per-row gain array.
    /// </summary>
    public static void MultiplyAdd(Span<byte> values, ReadOnlySpan<float> gain, float gainOffset)
    {
        if (gain.Length < values.Length)
            throw new ArgumentException($"{values.Length} values need as many gains (got {gain.Length})");
        int i = 0;
        int width = Vector<byte>.Count, lane = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var half = new Vector<float>(0.5f);
            var max = new Vector<float>(255f);
            var offset = new Vector<float>(gainOffset);
            Span<Vector<float>> f = stackalloc Vector<float>[4];
            for (; i + width <= values.Length; i += width)
            {
                Widen(new Vector<byte>(values[i..]), f);
                for (int q = 0; q < 4; q++)
                {
                    var v = f[q] * (new Vector<float>(gain[(i + q * lane)..]) + offset) + half;
                    f[q] = Vector.Min(Vector.Max(v, Vector<float>.Zero), max);
                }
                Narrow(f).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++) values[i] = RoundHalfUp(values[i] * (gain[i] + gainOffset));
    }

    /// <summary>
    /// values[i] = <see cref="RoundHalfUp"/>(values[i]·(gain[i] + gainOffset) + (a[i] + b[i] − 255)·k): the gain of
    /// <see cref="MultiplyAdd"/> plus the sum of two uniform noise bytes, which is close to Gaussian with standard
    /// deviation k·√(2·(256² − 1)/12). SIMD-wide where the CPU allows.
    /// </summary>
    public static void MultiplyAddNoise(Span<byte> values, ReadOnlySpan<float> gain, float gainOffset, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, float k)
    {
        if (gain.Length < values.Length || a.Length < values.Length || b.Length < values.Length)
            throw new ArgumentException($"{values.Length} values need as many gains and noise bytes (got {gain.Length}, {a.Length}, {b.Length})");
        int i = 0;
        int width = Vector<byte>.Count, lane = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var half = new Vector<float>(0.5f);
            var max = new Vector<float>(255f);
            var scale = new Vector<float>(k);
            var offset = new Vector<float>(-255f * k);
            var rowGain = new Vector<float>(gainOffset);
            Span<Vector<float>> p = stackalloc Vector<float>[4];
            Span<Vector<float>> n = stackalloc Vector<float>[4];
            for (; i + width <= values.Length; i += width)
            {
                Widen(new Vector<byte>(values[i..]), p);
                // a + b fits in 16 bits: add after one widening, then widen the sums.
                Vector.Widen(new Vector<byte>(a[i..]), out Vector<ushort> alo, out Vector<ushort> ahi);
                Vector.Widen(new Vector<byte>(b[i..]), out Vector<ushort> blo, out Vector<ushort> bhi);
                Widen(alo + blo, ahi + bhi, n);
                for (int q = 0; q < 4; q++)
                {
                    var v = p[q] * (new Vector<float>(gain[(i + q * lane)..]) + rowGain) + n[q] * scale + offset + half;
                    p[q] = Vector.Min(Vector.Max(v, Vector<float>.Zero), max);
                }
                Narrow(p).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++) values[i] = RoundHalfUp(values[i] * (gain[i] + gainOffset) + (a[i] + b[i] - 255) * k);
    }

    private static void Widen(Vector<byte> bytes, Span<Vector<float>> f)
    {
        Vector.Widen(bytes, out Vector<ushort> lo, out Vector<ushort> hi);
        Widen(lo, hi, f);
    }

    private static void Widen(Vector<ushort> lo, Vector<ushort> hi, Span<Vector<float>> f)
    {
        Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
        Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
        f[0] = Vector.ConvertToSingle(a);
        f[1] = Vector.ConvertToSingle(b);
        f[2] = Vector.ConvertToSingle(c);
        f[3] = Vector.ConvertToSingle(d);
    }

    // Values already clamped to 0..255.
    private static Vector<byte> Narrow(ReadOnlySpan<Vector<float>> f) => Vector.Narrow(
        Vector.Narrow(Vector.ConvertToUInt32(f[0]), Vector.ConvertToUInt32(f[1])),
        Vector.Narrow(Vector.ConvertToUInt32(f[2]), Vector.ConvertToUInt32(f[3])));
}
