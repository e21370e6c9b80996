using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>
/// BlazeFace front-camera detector through ONNX Runtime. The frame is scaled to fit 128×128 and padded to a square
/// (aspect preserved), converted to RGB in [-1, 1], run, decoded, and mapped back to frame pixels.
/// </summary>
public sealed class BlazeFaceDetector : IFaceDetector
{
    private const int Size = BlazeFaceAnchors.InputSize;
    private readonly InferenceSession _session;
    private readonly BlazeFaceDecoder _decoder;
    private readonly string _inputName;
    private readonly string[] _outputNames;
    private readonly float[] _input = new float[Size * Size * 3];
    private readonly float[] _scores = new float[BlazeFaceDecoder.AnchorCount];
    private readonly float[] _boxes = new float[BlazeFaceDecoder.AnchorCount * BlazeFaceDecoder.Regressors];
    // Detect and Dispose may meet at shutdown (the chain's last frame on a pool thread); freeing the session under a
    // running Run crashes inside ONNX Runtime, so both hold this lock.
    private readonly Lock _gate = new();
    private bool _disposed;

    public BlazeFaceDetector(BlazeFaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] problems = options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        if (!File.Exists(options.ModelPath))
        {
            throw new FileNotFoundException(
                $"BlazeFace model not found at '{Path.GetFullPath(options.ModelPath)}'. Run `./npa setup` to fetch it, or set Capture:Detector:BlazeFace:ModelPath.",
                options.ModelPath);
        }

        using var sessionOptions = new SessionOptions { IntraOpNumThreads = options.Threads, InterOpNumThreads = 1 };
        _session = new InferenceSession(options.ModelPath, sessionOptions);
        _inputName = _session.InputNames[0];
        _outputNames = OrderOutputs(_session);
        _decoder = new BlazeFaceDecoder(options.ScoreThreshold, options.NmsIoU);
    }

    public string Name => "blazeface";

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
            throw new ArgumentException($"BlazeFace needs a non-empty 8-bit BGR image (got {bgr.Type()}, {bgr.Width}×{bgr.Height})", nameof(bgr));
        }

        double scale = (double)Size / Math.Max(bgr.Width, bgr.Height);
        int width = Math.Clamp((int)Math.Round(bgr.Width * scale), 1, Size);
        int height = Math.Clamp((int)Math.Round(bgr.Height * scale), 1, Size);
        int padLeft = (Size - width) / 2;
        int padTop = (Size - height) / 2;
        FillInput(bgr, width, height, padLeft, padTop);

        using (var input = OrtValue.CreateTensorValueFromMemory(_input, [1, Size, Size, 3]))
        using (var runOptions = new RunOptions())
        using (IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, [_inputName], [input], _outputNames))
        {
            // Outputs are ordered: scores 512, scores 384, boxes 512, boxes 384 (the model's anchor order).
            outputs[0].GetTensorDataAsSpan<float>().CopyTo(_scores);
            outputs[1].GetTensorDataAsSpan<float>().CopyTo(_scores.AsSpan(512));
            outputs[2].GetTensorDataAsSpan<float>().CopyTo(_boxes);
            outputs[3].GetTensorDataAsSpan<float>().CopyTo(_boxes.AsSpan(512 * BlazeFaceDecoder.Regressors));
        }

        List<FaceDetection> faces = _decoder.Decode(_scores, _boxes);
        return faces.Select(f => ToFrame(f, scale, padLeft, padTop)).ToArray();
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
            _session.Dispose();
        }
    }

    private void FillInput(Mat bgr, int width, int height, int padLeft, int padTop)
    {
        using var resized = new Mat();
        using var square = new Mat();
        using var rgb = new Mat();
        using var scaled = new Mat();
        Cv2.Resize(bgr, resized, new OpenCvSharp.Size(width, height), 0, 0, InterpolationFlags.Linear);
        Cv2.CopyMakeBorder(resized, square, padTop, Size - height - padTop, padLeft, Size - width - padLeft, BorderTypes.Constant, Scalar.All(0));
        Cv2.CvtColor(square, rgb, ColorConversionCodes.BGR2RGB);
        rgb.ConvertTo(scaled, MatType.CV_32FC3, 2.0 / 255.0, -1.0);
        Marshal.Copy(scaled.Data, _input, 0, _input.Length);
    }

    private static FaceDetection ToFrame(FaceDetection face, double scale, int padLeft, int padTop)
    {
        Point2d Map(Point2d p) => new((p.X - padLeft) / scale, (p.Y - padTop) / scale);
        Point2d topLeft = Map(new Point2d(face.Box.X, face.Box.Y));
        var box = new Rect2d(topLeft.X, topLeft.Y, face.Box.Width / scale, face.Box.Height / scale);
        return face with { Box = box, Keypoints = face.Keypoints.Select(Map).ToArray() };
    }

    private static string[] OrderOutputs(InferenceSession session)
    {
        string Find(int anchors, int width) =>
            session.OutputMetadata.FirstOrDefault(o => o.Value.Dimensions.Length == 3 && o.Value.Dimensions[1] == anchors && o.Value.Dimensions[2] == width).Key
            ?? throw new InvalidDataException($"the ONNX model is not the BlazeFace front model: no output of shape [1,{anchors},{width}]");
        return [Find(512, 1), Find(384, 1), Find(512, BlazeFaceDecoder.Regressors), Find(384, BlazeFaceDecoder.Regressors)];
    }
}
