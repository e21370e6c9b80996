using System.Threading.Channels;

namespace Npa.Monitor.Web;

/// <summary>One open dashboard event stream: ready-made SSE frames to write out. Dispose to close it.</summary>
public sealed class HubSubscription : IDisposable
{
    private Action? _close;

    internal HubSubscription(ChannelReader<string> frames, Action close)
    {
        Frames = frames;
        _close = close;
    }

    /// <summary>SSE frames (<c>event: …\ndata: …\n\n</c>) in order.</summary>
    public ChannelReader<string> Frames { get; }

    public void Dispose() => Interlocked.Exchange(ref _close, null)?.Invoke();
}
