using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Capture.Cropping;

/// <summary>
/// The one resize between a face crop and the model (INTER_LINEAR to the spec's geometry). The Monitor's
/// <see cref="CropPreprocessor"/> and the Trainer's image cache both call it, so training and serving cannot drift apart.
/// </summary>
public static class ModelInputResize
{
    /// <summary>Resizes <paramref name="image"/> so that its shorter side is the spec's; the caller owns the result.</summary>
    public static Mat Resize(Mat image, PreprocessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        CropGeometry geometry = spec.ResizeGeometry(image.Width, image.Height);
        var resized = new Mat();
        try
        {
            Cv2.Resize(image, resized, new Size(geometry.ResizedWidth, geometry.ResizedHeight), 0, 0, InterpolationFlags.Linear);
            return resized;
        }
        catch
        {
            resized.Dispose();
            throw;
        }
    }
}
