using System.Diagnostics;
using Npa.Capture.Diagnostics;
using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Capture.Cropping;

/// <summary>
/// Turns a BGR face crop into model input: <see cref="ModelInputResize"/> (shared with the Trainer), then the
/// Shared <see cref="PreprocessSpec.Normalize"/> (centre crop + CHW normalization). Does not take ownership of the crop.
/// </summary>
public static class CropPreprocessor
{
    /// <summary>Writes <see cref="PreprocessSpec.OutputLength"/> floats (CHW) of <paramref name="crop"/> into <paramref name="chw"/>.</summary>
    public static void Preprocess(Mat crop, PreprocessSpec spec, Span<float> chw, CaptureMetrics? metrics = null, string bedId = "")
    {
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentNullException.ThrowIfNull(spec);
        if (crop.Empty() || crop.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"preprocessing needs a non-empty 8-bit BGR crop (got {crop.Type()}, {crop.Width}×{crop.Height})", nameof(crop));
        }

        long start = Stopwatch.GetTimestamp();
        using var resized = ModelInputResize.Resize(crop, spec);
        spec.Normalize(resized.AsSpan<byte>(), resized.Width, resized.Height, (int)resized.Step(), PixelFormat.Bgr24, chw);
        if (metrics is not null)
        {
            metrics.RecordStage(CaptureStage.Preprocess, bedId, Stopwatch.GetElapsedTime(start));
        }
    }

    /// <summary>As <see cref="Preprocess(Mat, PreprocessSpec, Span{float}, CaptureMetrics?, string)"/>, into a new array.</summary>
    public static float[] Preprocess(Mat crop, PreprocessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        float[] chw = new float[spec.OutputLength];
        Preprocess(crop, spec, chw);
        return chw;
    }
}
