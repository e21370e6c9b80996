namespace Npa.Capture.Tests.Support;

/// <summary>Counts Mats created through <see cref="CountingMat"/> that are still alive.</summary>
internal sealed class MatCounter
{
    private long _live;
    private long _created;

    public long Live => Interlocked.Read(ref _live);

    public long Created => Interlocked.Read(ref _created);

    public void Born()
    {
        Interlocked.Increment(ref _live);
        Interlocked.Increment(ref _created);
    }

    public void Died() => Interlocked.Decrement(ref _live);
}
