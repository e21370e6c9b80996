using Npa.Capture.Quality;
using OpenCvSharp;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// One sampled frame after detection, cropping, the quality gate and preprocessing. It owns <see cref="Crop"/>;
/// the bed pipeline disposes it once outputs (flagged-frame store) are done with it.
/// </summary>
public sealed class PreparedFrame : IDisposable
{
    private Mat? _crop;

    private PreparedFrame(string bedId, long sequence, DateTimeOffset timestamp, PreparedOutcome outcome, float[]? input, Mat? crop, Rect? face, double? detectionScore, QualityReport? quality, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bedId);
        BedId = bedId;
        Sequence = sequence;
        Timestamp = timestamp;
        Outcome = outcome;
        Input = input;
        _crop = crop;
        Face = face;
        DetectionScore = detectionScore;
        Quality = quality;
        Reason = reason;
    }

    public string BedId { get; }

    public long Sequence { get; }

    public DateTimeOffset Timestamp { get; }

    public PreparedOutcome Outcome { get; }

    /// <summary>CHW float32 model input, for <see cref="PreparedOutcome.Ready"/>.</summary>
    public float[]? Input { get; }

    /// <summary>The square BGR face crop, when one was made; null once disposed.</summary>
    public Mat? Crop => _crop;

    /// <summary>Face box in frame pixels.</summary>
    public Rect? Face { get; }

    /// <summary>Detector confidence of <see cref="Face"/>.</summary>
    public double? DetectionScore { get; }

    /// <summary>The quality gate's measures of the crop.</summary>
    public QualityReport? Quality { get; }

    /// <summary>Why the frame is not assessable (gate reason), when it is not.</summary>
    public string? Reason { get; }

    /// <summary>A frame ready for the model. Takes ownership of <paramref name="crop"/>.</summary>
    public static PreparedFrame Ready(string bedId, long sequence, DateTimeOffset timestamp, float[] input, Mat? crop, Rect face, double detectionScore, QualityReport? quality)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(bedId, sequence, timestamp, PreparedOutcome.Ready, input, crop, face, detectionScore, quality, null);
    }

    /// <summary>A frame without a face.</summary>
    public static PreparedFrame NoFace(string bedId, long sequence, DateTimeOffset timestamp) =>
        new(bedId, sequence, timestamp, PreparedOutcome.NoFace, null, null, null, null, null, "no_face");

    /// <summary>A frame whose face failed the gate for <paramref name="reason"/>.</summary>
    public static PreparedFrame LowQuality(string bedId, long sequence, DateTimeOffset timestamp, Rect face, QualityReport? quality, string reason) =>
        new(bedId, sequence, timestamp, PreparedOutcome.LowQuality, null, null, face, null, quality, reason);

    public void Dispose() => Interlocked.Exchange(ref _crop, null)?.Dispose();
}
