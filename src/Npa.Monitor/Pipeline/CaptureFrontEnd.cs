using System.Reactive.Linq;
using Npa.Capture.Cropping;
using Npa.Capture.Frames;
using Npa.Capture.Pipeline;
using Npa.Capture.Quality;
using Npa.Monitor.ModelSwap;
using OpenCvSharp;
using CaptureBedPipeline = Npa.Capture.Pipeline.BedPipeline;

namespace Npa.Monitor.Pipeline;

/// <summary>
/// A bed's capture chain from Npa.Capture (camera → latest frame → detect → crop → gate) plus preprocessing with
/// the serving model's spec. Gate refusals become no-face / low-quality frames.
/// </summary>
public sealed class CaptureFrontEnd : IBedFrontEnd
{
    private readonly IFrameSource _source;
    private readonly CaptureBedPipeline _pipeline;
    private readonly ModelHolder _models;
    private int _disposed;

    public CaptureFrontEnd(IFrameSource source, CaptureBedPipeline pipeline, ModelHolder models)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _models = models ?? throw new ArgumentNullException(nameof(models));
        Frames = Observable.Merge(
            _pipeline.Crops.Select(Prepare),
            _pipeline.Rejections.Select(Refused));
    }

    public string BedId => _source.BedId;

    public IObservable<PreparedFrame> Frames { get; }

    public IObservable<CameraStatus> Status => _source.Status;

    private PreparedFrame Prepare(FaceCrop crop)
    {
        using (crop)
        {
            var face = crop.Face!;
            var box = new Rect((int)Math.Round(face.Box.X), (int)Math.Round(face.Box.Y), (int)Math.Round(face.Box.Width), (int)Math.Round(face.Box.Height));
            float[] input = CropPreprocessor.Preprocess(crop.Image, _models.Current.Preprocess);
            // The flagged-frame store may keep the crop after the FaceCrop is gone, so the frame gets its own copy.
            var keep = crop.Image.Clone();
            return PreparedFrame.Ready(crop.BedId, crop.Sequence, crop.Timestamp, input, keep, box, face.Score, crop.Quality);
        }
    }

    private static PreparedFrame Refused(QualityRejection r)
    {
        if (r.Reasons.HasFlag(QualityReasons.NoFace)) return PreparedFrame.NoFace(r.BedId, r.Sequence, r.Timestamp);
        string reason = string.Join(",", Enum.GetValues<QualityReasons>()
            .Where(q => q != QualityReasons.None && r.Reasons.HasFlag(q))
            .Select(q => q.ToString().ToLowerInvariant()));
        return PreparedFrame.LowQuality(r.BedId, r.Sequence, r.Timestamp, default, r.Quality, reason);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _pipeline.Dispose();
        (_source as IDisposable)?.Dispose();
    }
}
