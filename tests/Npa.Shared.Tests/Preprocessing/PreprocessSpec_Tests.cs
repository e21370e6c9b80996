using Npa.Shared.Preprocessing;

namespace Npa.Shared.Tests.Preprocessing;

public sealed class PreprocessSpec_Tests
{
    // A 4x3 image (shorter side 3) cropped to 2x2: the crop starts at x = (4-2)/2 = 1 and y = round(0.5) = 0 (half to even).
    // Pixel (x, y) has R = 200+10y+x, G = 100+10y+x, B = 10y+x, so the crop holds R 201 202 211 212, G 101.., B 1 2 11 12.
    private static readonly PreprocessSpec Tiny = new() { ResizeShorterSide = 3, CropSize = 2 };
    private const int Width = 4, Height = 3, Stride = 14; // two padding bytes per row

    // (v/255 − mean)/std with ImageNet statistics, worked out by hand for the crop's values.
    private static readonly float[] ImageNetRgbExpected =
    [
        1.324172f, 1.341296f, 1.495419f, 1.512544f,       // R: (201/255 − .485)/.229 …
        -0.267507f, -0.250000f, -0.092437f, -0.074930f,   // G: (101/255 − .456)/.224 …
        -1.787015f, -1.769586f, -1.612723f, -1.595294f,   // B: (1/255 − .406)/.225 …
    ];

    private static byte[] Image(PixelFormat format)
    {
        var buffer = new byte[Stride * Height];
        Array.Fill(buffer, (byte)0xEE); // padding that must never be read
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                byte r = (byte)(200 + 10 * y + x), g = (byte)(100 + 10 * y + x), b = (byte)(10 * y + x);
                int o = y * Stride + x * 3;
                (buffer[o], buffer[o + 1], buffer[o + 2]) = format == PixelFormat.Bgr24 ? (b, g, r) : (r, g, b);
            }
        }
        return buffer;
    }

    private static float[] Run(PreprocessSpec spec, PixelFormat format)
    {
        var output = new float[spec.OutputLength];
        spec.Normalize(Image(format), Width, Height, Stride, format, output);
        return output;
    }

    [Theory]
    [InlineData(PixelFormat.Bgr24)]
    [InlineData(PixelFormat.Rgb24)]
    public void ImageNet_Rgb_Output_Matches_Hand_Values(PixelFormat format)
    {
        var output = Run(Tiny, format);
        Assert.Equal(ImageNetRgbExpected.Length, output.Length);
        for (int i = 0; i < output.Length; i++) Assert.Equal(ImageNetRgbExpected[i], output[i], 5e-6f);
    }

    [Fact]
    public void Bgr_Model_Order_Puts_Blue_Plane_First_With_Blue_Statistics()
    {
        var output = Run(Tiny with { ChannelOrder = ChannelOrder.Bgr }, PixelFormat.Bgr24);
        float[] expected = [.. ImageNetRgbExpected[8..12], .. ImageNetRgbExpected[4..8], .. ImageNetRgbExpected[0..4]];
        for (int i = 0; i < output.Length; i++) Assert.Equal(expected[i], output[i], 5e-6f);
    }

    [Theory]
    [InlineData(PixelFormat.Bgr24)]
    [InlineData(PixelFormat.Rgb24)]
    public void Raw_Mean_Subtraction_Matches_Hand_Values(PixelFormat format)
    {
        var spec = PreprocessSpec.DnnResNet18 with { ResizeShorterSide = 3, CropSize = 2 };
        var output = Run(spec, format);
        float[] expected =
        [
            1 - 103.06f, 2 - 103.06f, 11 - 103.06f, 12 - 103.06f,   // B plane first (BGR model input)
            101 - 115.90f, 102 - 115.90f, 111 - 115.90f, 112 - 115.90f,
            201 - 123.15f, 202 - 123.15f, 211 - 123.15f, 212 - 123.15f,
        ];
        Assert.Equal(-102.06f, output[0], 1e-4f);
        for (int i = 0; i < output.Length; i++) Assert.Equal(expected[i], output[i], 1e-4f);
    }

    [Fact]
    public void Portrait_Image_Is_Cropped_From_Its_Vertical_Centre()
    {
        // 3x5 (shorter side 3), crop 2: x = round(0.5) = 0, y = round(1.5) = 2.
        var buffer = new byte[3 * 5 * 3];
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(i / 3); // every channel = pixel index
        var rawSpec = Tiny with { Normalization = NormalizationMode.RawMeanSubtraction, Mean = new RgbValues(0, 0, 0), Std = null };
        var raw = new float[rawSpec.OutputLength];
        rawSpec.Normalize(buffer, 3, 5, 9, PixelFormat.Rgb24, raw);
        Assert.Equal([6f, 7f, 9f, 10f], raw[..4]); // pixels (0,2) (1,2) (0,3) (1,3)
    }

    [Theory]
    [InlineData(640, 480, 341, 256, 58, 16)]  // 256·640/480 = 341.3 → 341; (341−224)/2 = 58.5 → 58 (half to even)
    [InlineData(480, 640, 256, 341, 16, 58)]
    [InlineData(256, 256, 256, 256, 16, 16)]
    [InlineData(100, 50, 512, 256, 144, 16)]
    [InlineData(301, 299, 257, 256, 16, 16)]  // (257−224)/2 = 16.5 → 16 (half to even)
    [InlineData(303, 299, 259, 256, 18, 16)]  // (259−224)/2 = 17.5 → 18 (half to even)
    public void Resize_Geometry_Follows_Torchvision(int w, int h, int rw, int rh, int cx, int cy)
    {
        Assert.Equal(new CropGeometry(rw, rh, cx, cy, 224), PreprocessSpec.ImageNet.ResizeGeometry(w, h));
    }
}
