using OpenCvSharp;

namespace Npa.Capture.Tests;

public sealed class OpenCvSharpNative_Tests
{
    [Fact]
    public void Png_Encode_Then_Decode_Gives_The_Same_Pixels()
    {
        using var image = new Mat(48, 64, MatType.CV_8UC3, new Scalar(10, 120, 240));
        Cv2.Rectangle(image, new Rect(8, 8, 20, 16), new Scalar(0, 255, 0), -1);
        Cv2.ImEncode(".png", image, out byte[] png);
        Assert.Equal(0x89, png[0]);
        using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
        Assert.Equal(image.Size(), decoded.Size());
        using var difference = new Mat();
        Cv2.Absdiff(image, decoded, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        Assert.Equal(new Vec3b(0, 255, 0), decoded.At<Vec3b>(10, 10));
        Assert.Equal(new Vec3b(10, 120, 240), decoded.At<Vec3b>(40, 60));
    }
}
