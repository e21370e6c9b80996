namespace Npa.Capture.Simulation.Rendering;

/// <summary>Stable seed mixing (SplitMix64). HashCode.Combine is randomised per process, so it cannot seed reproducible renders.</summary>
public static class SeedMix
{
    public static int Combine(long a, long b, long c = 0)
    {
        ulong z = Mix((ulong)a) ^ Mix((ulong)b + 0x9E3779B97F4A7C15UL) ^ Mix((ulong)c + 0x3C6EF372FE94F82AUL);
        return (int)(Mix(z) & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
