using Npa.Capture.Detection;
using Npa.Capture.Quality;
using OpenCvSharp;

namespace Npa.Capture.Pipeline;

/// <summary>
/// The square face crop of one frame with its measures. Owns <see cref="Image"/> (null when no face was found);
/// whoever holds the crop disposes it. The source frame is already released.
/// </summary>
public sealed class FaceCrop : IDisposable
{
    private Mat? _image;
    private int _disposed;

    public FaceCrop(string bedId, long sequence, DateTimeOffset timestamp, Size frameSize, FaceDetection? face, Rect region, Mat? image, QualityReport? quality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        BedId = bedId;
        Sequence = sequence;
        Timestamp = timestamp;
        FrameSize = frameSize;
        Face = face;
        Region = region;
        _image = image;
        Quality = quality;
    }

    public string BedId { get; }

    public long Sequence { get; }

    public DateTimeOffset Timestamp { get; }

    public Size FrameSize { get; }

    public FaceDetection? Face { get; }

    /// <summary>The square cut from the frame, in frame pixels (empty when there is no face).</summary>
    public Rect Region { get; }

    /// <summary>Measures of the crop; null when there is no face.</summary>
    public QualityReport? Quality { get; }

    public bool HasFace => Face is not null;

    /// <summary>The 8-bit BGR crop. Throws when there is no face or the crop is disposed.</summary>
    public Mat Image => _image ?? throw new InvalidOperationException(
        IsDisposed ? $"crop {BedId}#{Sequence} was disposed" : $"frame {BedId}#{Sequence} has no face, so no crop");

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        Interlocked.Exchange(ref _image, null)?.Dispose();
    }
}
