using System.Globalization;
using OpenCvSharp;

namespace Npa.Capture.Sources;

/// <summary>An OpenCV <see cref="VideoCapture"/> on a V4L2 device, a URL or a file.</summary>
public sealed class OpenCvVideoDevice : IVideoDevice
{
    private readonly VideoCapture _capture;
    private bool _disposed;

    private OpenCvVideoDevice(VideoCapture capture)
    {
        _capture = capture;
        double fps = capture.Get(VideoCaptureProperties.Fps);
        NativeFps = fps is > 0 and < 1000 ? fps : null;
    }

    public double? NativeFps { get; }

    /// <summary>Opens <paramref name="target"/>; throws <see cref="IOException"/> naming it when OpenCV cannot.</summary>
    public static OpenCvVideoDevice Open(CameraKind kind, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (kind == CameraKind.File && !File.Exists(target))
        {
            throw new FileNotFoundException($"video file '{target}' does not exist", target);
        }

        VideoCapture capture = kind == CameraKind.Device && int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? new VideoCapture(index, VideoCaptureAPIs.V4L2)
            : new VideoCapture(target, kind == CameraKind.Device ? VideoCaptureAPIs.V4L2 : VideoCaptureAPIs.ANY);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new IOException($"OpenCV could not open {kind.ToString().ToLowerInvariant()} '{target}'");
        }

        return new OpenCvVideoDevice(capture);
    }

    public bool TryRead(out Mat? frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var mat = new Mat();
        if (_capture.Read(mat) && !mat.Empty())
        {
            frame = mat;
            return true;
        }

        mat.Dispose();
        frame = null;
        return false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _capture.Dispose();
    }
}
