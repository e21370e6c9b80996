namespace Npa.Monitor.Tests.Storage;

/// <summary>A TimeProvider whose "now" the test sets.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
