using System.Numerics;

namespace Npa.Capture.Simulation;

/// <summary>Float to 8-bit pixel arithmetic for the renderer's per-pixel passes.</summary>
internal static class Pixel
{
    /// <summary>As OpenCV's saturate_cast: rounded half to even, clamped to 0..255.</summary>
    public static byte Round(float v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)MathF.Round(v);

    /// <summary>As <see cref="Round"/>, but half rounds up (what <c>(byte)(v + 0.5f)</c> gives).</summary>
    public static byte RoundHalfUp(float v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)(v + 0.5f);

    /// <summary>
    /// values[i] = <see cref="RoundHalfUp"/>(values[i]·gain[i] + add[i]), SIMD-wide where the CPU allows: a camera frame
    /// is a million values, and this pass runs on every rendered frame.
    /// </summary>
    public static void MultiplyAdd(Span<byte> values, ReadOnlySpan<float> gain, ReadOnlySpan<float> add)
    {
        if (gain.Length < values.Length || add.Length < values.Length)
            throw new ArgumentException($"{values.Length} values need as many gains and addends (got {gain.Length} and {add.Length})");
        int i = 0;
        int width = Vector<byte>.Count, lane = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var half = new Vector<float>(0.5f);
            var max = new Vector<float>(255f);
            Span<Vector<float>> f = stackalloc Vector<float>[4];
            for (; i + width <= values.Length; i += width)
            {
                var bytes = new Vector<byte>(values[i..]);
                Vector.Widen(bytes, out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
                f[0] = Vector.ConvertToSingle(a);
                f[1] = Vector.ConvertToSingle(b);
                f[2] = Vector.ConvertToSingle(c);
                f[3] = Vector.ConvertToSingle(d);
                for (int q = 0; q < 4; q++)
                {
                    int at = i + q * lane;
                    var v = f[q] * new Vector<float>(gain[at..]) + new Vector<float>(add[at..]) + half;
                    f[q] = Vector.Min(Vector.Max(v, Vector<float>.Zero), max);
                }
                var lo2 = Vector.Narrow(Vector.ConvertToUInt32(f[0]), Vector.ConvertToUInt32(f[1]));
                var hi2 = Vector.Narrow(Vector.ConvertToUInt32(f[2]), Vector.ConvertToUInt32(f[3]));
                Vector.Narrow(lo2, hi2).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++) values[i] = RoundHalfUp(values[i] * gain[i] + add[i]);
    }
}
