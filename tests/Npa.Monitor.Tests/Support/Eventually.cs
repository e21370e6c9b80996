namespace Npa.Monitor.Tests.Support;

/// <summary>Waits for a condition of a running system (real threads), failing with a message after a generous timeout.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {timeoutMs} ms waiting for {what}");
            await Task.Delay(10);
        }
    }
}
