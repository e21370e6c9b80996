using OpenCvSharp;

namespace Npa.Capture.Frames;

/// <summary>One captured BGR frame of one bed. The frame owns its <see cref="Mat"/>; whoever holds the frame disposes it.</summary>
public sealed class Frame : IDisposable
{
    private Mat? _image;

    public Frame(string bedId, long sequence, DateTimeOffset timestamp, Mat image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        ArgumentNullException.ThrowIfNull(image);
        BedId = bedId;
        Sequence = sequence;
        Timestamp = timestamp;
        _image = image;
    }

    public string BedId { get; }

    public long Sequence { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>The 8-bit BGR image. Throws once the frame is disposed.</summary>
    public Mat Image => _image ?? throw new ObjectDisposedException(nameof(Frame), $"frame {BedId}#{Sequence} was disposed");

    public bool IsDisposed => _image is null;

    public void Dispose()
    {
        Interlocked.Exchange(ref _image, null)?.Dispose();
    }
}
