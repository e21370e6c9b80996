using Npa.Capture.Cropping;
using OpenCvSharp;

namespace Npa.Capture.Tests.Cropping;

public sealed class SquareCrop_Tests
{
    private static readonly Size Frame = new(640, 480);

    [Fact]
    public void Face_In_The_Middle_Gives_A_Centred_Square_Grown_By_The_Margin()
    {
        Rect region = SquareCrop.Region(new Rect2d(300, 200, 80, 100), Frame, 0.25);

        Assert.Equal(150, region.Width);
        Assert.Equal(150, region.Height);
        Assert.Equal(340, region.X + (region.Width / 2));
        Assert.Equal(250, region.Y + (region.Height / 2));
    }

    [Fact]
    public void Face_At_The_Corner_Gives_A_Square_Shifted_Inside_The_Frame()
    {
        Rect region = SquareCrop.Region(new Rect2d(-20, 430, 100, 100), Frame, 0.2);

        Assert.Equal(new Rect(0, 340, 140, 140), region);
    }

    [Fact]
    public void Face_Larger_Than_The_Frame_Gives_The_Largest_Square_That_Fits()
    {
        Rect region = SquareCrop.Region(new Rect2d(100, 50, 500, 500), Frame, 0.5);

        Assert.Equal(480, region.Width);
        Assert.Equal(480, region.Height);
        Assert.True(region.X >= 0 && region.Right <= 640 && region.Y == 0);
    }

    [Fact]
    public void Extract_Copies_The_Region_At_The_Output_Size()
    {
        using var image = new Mat(Frame, MatType.CV_8UC3, Scalar.All(0));
        Cv2.Rectangle(image, new Rect(300, 200, 100, 100), Scalar.All(200), -1);

        using Mat crop = SquareCrop.Extract(image, new Rect(300, 200, 100, 100), 64);

        Assert.Equal(new Size(64, 64), crop.Size());
        Assert.Equal(200, Cv2.Mean(crop).Val0, 1);
        image.SetTo(Scalar.All(0));
        Assert.Equal(200, Cv2.Mean(crop).Val0, 1); // a copy, not a view of the frame
    }
}
