using Npa.Shared.Preprocessing;

namespace Npa.Shared.Tests.Preprocessing;

public sealed class PreprocessSpecErrors_Tests
{
    private static readonly PreprocessSpec Tiny = new() { ResizeShorterSide = 3, CropSize = 2 };

    [Fact]
    public void Presets_Are_Valid()
    {
        Assert.Empty(PreprocessSpec.ImageNet.Validate());
        Assert.Empty(PreprocessSpec.DnnResNet18.Validate());
        Assert.Equal(3 * 224 * 224, PreprocessSpec.ImageNet.OutputLength);
    }

    [Fact]
    public void Every_Problem_Is_Listed_Readably()
    {
        var spec = new PreprocessSpec
        {
            ResizeShorterSide = 100, CropSize = 224, Mean = new RgbValues(float.NaN, 0, 0), Std = new RgbValues(0.2f, 0, 0.2f),
        };
        Assert.Equal(
            [
                "resize_shorter_side (100) must be at least crop_size (224)",
                "mean (R NaN, G 0, B 0) must be finite",
                "std (R 0.2, G 0, B 0.2) must be finite and positive",
            ],
            spec.Validate());
        var ex = Assert.Throws<ArgumentException>(spec.ThrowIfInvalid);
        Assert.StartsWith("invalid preprocessing spec: resize_shorter_side (100)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Std_Must_Match_The_Normalization_Mode()
    {
        Assert.Equal(["std is required for scaled_mean_std normalization"], (PreprocessSpec.ImageNet with { Std = null }).Validate());
        Assert.Equal(["std must be absent for raw_mean_subtraction normalization (it divides by nothing)"],
            (PreprocessSpec.ImageNet with { Normalization = NormalizationMode.RawMeanSubtraction }).Validate());
        Assert.Equal(["crop_size must be at least 1, got 0", "normalization 7 is not scaled_mean_std or raw_mean_subtraction"],
            (PreprocessSpec.ImageNet with { CropSize = 0, Normalization = (NormalizationMode)7 }).Validate());
    }

    [Fact]
    public void Too_Small_Destination_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tiny.Normalize(new byte[36], 4, 3, 12, PixelFormat.Bgr24, new float[11]));
        Assert.StartsWith("destination holds 11 floats but 3x2x2 needs 12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_Small_Buffer_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tiny.Normalize(new byte[39], 4, 3, 14, PixelFormat.Bgr24, new float[12]));
        Assert.StartsWith("buffer holds 39 bytes but a 4x3 image with stride 14 needs 40", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stride_Below_Row_Width_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tiny.Normalize(new byte[100], 4, 3, 11, PixelFormat.Bgr24, new float[12]));
        Assert.StartsWith("stride 11 is less than width×3 = 12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_That_Was_Not_Resized_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tiny.Normalize(new byte[100], 5, 4, 15, PixelFormat.Bgr24, new float[12]));
        Assert.StartsWith("image is 5x4 but its shorter side must be 3: resize it to ResizeGeometry's size first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_Spec_Refuses_To_Normalize()
    {
        var bad = Tiny with { Std = null };
        var ex = Assert.Throws<ArgumentException>(() => bad.Normalize(new byte[36], 4, 3, 12, PixelFormat.Bgr24, new float[12]));
        Assert.Contains("std is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_Positive_Image_Size_Is_Refused_By_Geometry()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PreprocessSpec.ImageNet.ResizeGeometry(0, 10));
        Assert.StartsWith("image size 0x10 must be positive", ex.Message, StringComparison.Ordinal);
    }
}
