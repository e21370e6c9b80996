using Npa.Capture.Sources;
using OpenCvSharp;

namespace Npa.Capture.Tests.Support;

/// <summary>A fake camera that yields a fixed number of small frames, then reports a lost connection (or end).</summary>
internal sealed class ScriptedDevice(int frames, double? nativeFps = null) : IVideoDevice
{
    private int _read;

    public double? NativeFps => nativeFps;

    public bool Disposed { get; private set; }

    public bool TryRead(out Mat? frame)
    {
        if (_read >= frames)
        {
            frame = null;
            return false;
        }

        _read++;
        frame = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(_read));
        return true;
    }

    public void Dispose() => Disposed = true;
}
