namespace Npa.Capture.Simulation.Rendering;

/// <summary>
/// Seeded xoshiro256** stream of noise bytes. A frame needs two bytes per channel value (1.8 MB at 640×480), and a
/// seeded <see cref="Random"/> costs about 10 ns a byte there, the largest share of a render; this costs well under 1 ns.
/// Deterministic for a seed, as renders must be.
/// </summary>
internal struct SensorNoise
{
    private ulong _s0, _s1, _s2, _s3;

    public SensorNoise(int seed)
    {
        // SplitMix64 fills the state, as xoshiro's authors recommend; it is never all zero.
        ulong x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Fills <paramref name="bytes"/> with uniform bytes.</summary>
    public void Fill(Span<byte> bytes)
    {
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[i..], Next());
        if (i < bytes.Length)
        {
            ulong last = Next();
            for (; i < bytes.Length; i++, last >>= 8) bytes[i] = (byte)last;
        }
    }

    private ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
