using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>A rendered scene with its ground truth. Owns <see cref="Image"/>; dispose it (or take the image with <see cref="DetachImage"/>).</summary>
public sealed class RenderedFace : IDisposable
{
    private Mat? _image;

    public RenderedFace(Mat image, Rect faceBox, FaceSceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        _image = image;
        FaceBox = faceBox;
        Spec = spec;
    }

    /// <summary>The 8-bit BGR scene.</summary>
    public Mat Image => _image ?? throw new ObjectDisposedException(nameof(RenderedFace));

    /// <summary>True face box (square, brows to chin), in canvas pixels; may extend past the canvas on frame exit.</summary>
    public Rect FaceBox { get; }

    public FaceSceneSpec Spec { get; }

    /// <summary>Hands the image to the caller, who then owns it; this object no longer disposes it.</summary>
    public Mat DetachImage() => Interlocked.Exchange(ref _image, null) ?? throw new ObjectDisposedException(nameof(RenderedFace));

    public void Dispose() => Interlocked.Exchange(ref _image, null)?.Dispose();
}
