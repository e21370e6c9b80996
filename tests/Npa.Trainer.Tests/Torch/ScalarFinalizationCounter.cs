using System.Diagnostics.Tracing;
using TorchSharp;

namespace Npa.Trainer.Tests.Torch;

/// <summary>
/// Counts TorchSharp Scalars that die by finalizer, from the runtime's FinalizeObject events. An explicit Scalar is
/// disposed (which suppresses its finalizer) or held for good, so every count is a temporary that nothing kept alive.
/// </summary>
internal sealed class ScalarFinalizationCounter : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private static readonly nint ScalarType = typeof(Scalar).TypeHandle.Value;
    private static readonly nint MarkerType = typeof(Marker).TypeHandle.Value;
    private long scalars;
    private long markers;

    /// <summary>Finalized Scalars since the last <see cref="Take"/>, once every finalizer queued so far has run and been reported.</summary>
    public long Take(TimeSpan timeout)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // The finalizer thread reports in order: once a marker made after the collection above is reported, so is every Scalar before it.
        long wanted = Interlocked.Read(ref markers) + 1;
        DropMarker();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref markers) < wanted)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the runtime did not report the marker's finalization; are FinalizeObject events available?");
            Thread.Sleep(20);
        }
        return Interlocked.Exchange(ref scalars, 0);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "FinalizeObject" || eventData.PayloadNames is null || eventData.Payload is null) return;
        int index = eventData.PayloadNames.IndexOf("TypeID");
        if (index < 0 || eventData.Payload[index] is not nint type) return;
        if (type == ScalarType) Interlocked.Increment(ref scalars);
        else if (type == MarkerType) Interlocked.Increment(ref markers);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DropMarker() => _ = new Marker();

    private sealed class Marker
    {
#pragma warning disable CA1821 // The finalizer is the point: its FinalizeObject event marks the end of the queue.
        ~Marker()
        {
        }
#pragma warning restore CA1821
    }
}
