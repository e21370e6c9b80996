using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>
/// OpenCV Haar cascade face detector. Its score is the number of merged raw hits n mapped to n / (n + MinNeighbors):
/// 0.5 at the acceptance limit, rising towards 1 with stronger support.
/// </summary>
public sealed class HaarFaceDetector : IFaceDetector
{
    private readonly CascadeClassifier _cascade;
    private readonly HaarOptions _options;
    // As in BlazeFaceDetector: Dispose must not free the cascade under a running Detect.
    private readonly Lock _gate = new();
    private bool _disposed;

    public HaarFaceDetector(HaarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        if (!File.Exists(options.CascadePath))
        {
            throw new FileNotFoundException(
                $"Haar cascade not found at '{options.CascadePath}'. Install Debian's opencv-data (`./npa setup` does) or set Capture:Detector:Haar:CascadePath.",
                options.CascadePath);
        }

        _cascade = new CascadeClassifier(options.CascadePath);
        if (_cascade.Empty())
        {
            _cascade.Dispose();
            throw new InvalidDataException($"'{options.CascadePath}' is not a loadable OpenCV cascade");
        }

        _options = options;
    }

    public string Name => "haar";

    public IReadOnlyList<FaceDetection> Detect(Mat bgr)
    {
        lock (_gate) return DetectLocked(bgr);
    }

    private FaceDetection[] DetectLocked(Mat bgr)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"Haar needs a non-empty 8-bit BGR image (got {bgr.Type()}, {bgr.Width}×{bgr.Height})", nameof(bgr));
        }

        double scale = Math.Min(1.0, (double)_options.MaxInputSide / Math.Max(bgr.Width, bgr.Height));
        using var gray = new Mat();
        using var small = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.Resize(gray, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        Cv2.EqualizeHist(small, small);
        int minSide = Math.Max(20, (int)(Math.Min(small.Width, small.Height) * _options.MinFaceFraction));

        // Grouping is done here (minNeighbors 0 below) so that each face's support count is known.
        Rect[] raw = _cascade.DetectMultiScale(small, _options.ScaleFactor, 0, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        var grouped = new List<Rect>(raw);
        Cv2.GroupRectangles(grouped, out int[] weights, _options.MinNeighbors, 0.2);
        var faces = new List<FaceDetection>(grouped.Count);
        for (int i = 0; i < grouped.Count; i++)
        {
            Rect r = grouped[i];
            double score = weights[i] / (double)(weights[i] + _options.MinNeighbors);
            faces.Add(new FaceDetection(new Rect2d(r.X / scale, r.Y / scale, r.Width / scale, r.Height / scale), score, []));
        }

        return faces.OrderByDescending(f => f.Score).ToArray();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _cascade.Dispose();
        }
    }
}
