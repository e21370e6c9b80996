using OpenCvSharp;

namespace Npa.Capture.Frames;

/// <summary>
/// One captured BGR frame of one bed. The frame owns its <see cref="Mat"/>; whoever holds the frame disposes it.
/// A simulated frame may be rendered on first use, so that frames the sampler skips cost nothing.
/// </summary>
public sealed class Frame : IDisposable
{
    private readonly object _gate = new();
    private Func<Mat>? _render;
    private Mat? _image;
    private bool _disposed;
    private bool _rendered;

    public Frame(string bedId, long sequence, DateTimeOffset timestamp, Mat image)
        : this(bedId, sequence, timestamp)
    {
        ArgumentNullException.ThrowIfNull(image);
        _image = image;
        _rendered = true;
    }

    /// <summary>A frame whose image <paramref name="render"/> makes on first access to <see cref="Image"/> (at most once).</summary>
    public Frame(string bedId, long sequence, DateTimeOffset timestamp, Func<Mat> render)
        : this(bedId, sequence, timestamp)
    {
        ArgumentNullException.ThrowIfNull(render);
        _render = render;
    }

    private Frame(string bedId, long sequence, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        BedId = bedId;
        Sequence = sequence;
        Timestamp = timestamp;
    }

    public string BedId { get; }

    public long Sequence { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>The 8-bit BGR image. Throws once the frame is disposed.</summary>
    public Mat Image
    {
        get
        {
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(Frame), $"frame {BedId}#{Sequence} was disposed");
                if (_image is null && _render is { } render)
                {
                    _image = render();
                    _render = null;
                    _rendered = true;
                }
                return _image!;
            }
        }
    }

    /// <summary>True once the frame is disposed.</summary>
    public bool IsDisposed
    {
        get { lock (_gate) return _disposed; }
    }

    /// <summary>True when the image was made (always for a captured frame; for a rendered one, once it was used), even after disposal.</summary>
    public bool IsRendered
    {
        get { lock (_gate) return _rendered; }
    }

    public void Dispose()
    {
        Mat? image;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            image = _image;
            _image = null;
            _render = null;
        }
        image?.Dispose();
    }
}
