using CsCheck;

namespace Npa.PropertyTesting;

/// <summary>Runs a property on one thread for a fixed number of cases and says how many ran (the issue asks for the count).</summary>
internal static class PropertyRun
{
    /// <summary>Cases per parser in the default suite: enough to reach every validator, a few seconds at most.</summary>
    public const int DefaultCases = 300;

    /// <summary>Runs <paramref name="property"/> on <paramref name="cases"/> generated inputs; returns how many were checked.</summary>
    public static long Check<T>(Gen<T> gen, Action<T> property, Action<string> writeLine, int cases = DefaultCases)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(writeLine);
        long ran = 0;
        gen.Sample(value =>
        {
            Interlocked.Increment(ref ran);
            property(value);
        }, iter: cases, threads: 1);
        writeLine($"property cases run: {ran}");
        return ran;
    }
}
