using System.Diagnostics;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>Polls a condition until it holds or a timeout passes (no fixed waits).</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, double seconds = 5)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"after {seconds} s still not true: {what}");
            await Task.Delay(5);
        }
    }
}
