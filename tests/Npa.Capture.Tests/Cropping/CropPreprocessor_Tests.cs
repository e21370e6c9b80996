using Npa.Capture.Cropping;
using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Capture.Tests.Cropping;

public sealed class CropPreprocessor_Tests
{
    [Fact]
    public void Uniform_Crop_Gives_Each_Plane_The_ImageNet_Normalized_Colour()
    {
        using var crop = new Mat(300, 300, MatType.CV_8UC3, new Scalar(30, 120, 210)); // B, G, R
        PreprocessSpec spec = PreprocessSpec.ImageNet;

        float[] chw = CropPreprocessor.Preprocess(crop, spec);

        Assert.Equal(3 * 224 * 224, chw.Length);
        int plane = 224 * 224;
        Assert.All(chw.AsSpan(0, plane).ToArray(), v => Assert.Equal(((210 / 255f) - 0.485f) / 0.229f, v, 5));
        Assert.All(chw.AsSpan(plane, plane).ToArray(), v => Assert.Equal(((120 / 255f) - 0.456f) / 0.224f, v, 5));
        Assert.All(chw.AsSpan(2 * plane, plane).ToArray(), v => Assert.Equal(((30 / 255f) - 0.406f) / 0.225f, v, 5));
    }

    [Fact]
    public void Non_Square_Crop_Is_Resized_By_Its_Shorter_Side_Then_Centre_Cropped()
    {
        // A horizontal ramp in red: after resizing 400×300 to 341×256 and cropping 224 from x = 58, column 0 holds
        // the red of resized column 58.
        using var crop = new Mat(300, 400, MatType.CV_8UC3);
        for (int x = 0; x < 400; x++)
        {
            using Mat column = crop.ColRange(x, x + 1);
            column.SetTo(new Scalar(0, 0, x * 255 / 399));
        }

        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(341, 256), 0, 0, InterpolationFlags.Linear);
        var spec = PreprocessSpec.ImageNet;

        float[] chw = CropPreprocessor.Preprocess(crop, spec);

        for (int x = 0; x < 224; x += 37)
        {
            byte red = resized.At<Vec3b>(100, 58 + x).Item2;
            Assert.Equal(((red / 255f) - 0.485f) / 0.229f, chw[(10 * 224) + x], 5);
        }
    }

    [Fact]
    public void Grey_Crop_Is_Refused_With_A_Clear_Message()
    {
        using var gray = new Mat(64, 64, MatType.CV_8UC1, Scalar.All(0));

        var ex = Assert.Throws<ArgumentException>(() => CropPreprocessor.Preprocess(gray, PreprocessSpec.ImageNet));

        Assert.Contains("8-bit BGR crop", ex.Message, StringComparison.Ordinal);
    }
}
