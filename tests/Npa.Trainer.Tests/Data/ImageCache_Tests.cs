using Npa.Shared.Preprocessing;
using Npa.Trainer.Data;
using OpenCvSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Data;

public sealed class ImageCache_Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-cache-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Grayscale_And_Colour_Images_Of_Any_Size_Become_Normalised_Crops()
    {
        string gray = Path.Combine(dir, "g.png"), colour = Path.Combine(dir, "c.png");
        using (var g = new Mat(30, 50, MatType.CV_8UC1, new Scalar(128))) Cv2.ImWrite(gray, g);
        using (var c = new Mat(70, 20, MatType.CV_8UC3, new Scalar(255, 0, 0))) Cv2.ImWrite(colour, c); // pure blue (BGR)
        var spec = PreprocessSpec.ImageNet with { ResizeShorterSide = 18, CropSize = 16 };
        var cache = ImageCache.Load([gray, colour], spec);
        using var batch = new BatchBuilder(cache, spec).Build([0, 1], null, CPU);
        Assert.Equal(new long[] { 2, 3, 16, 16 }, batch.shape);
        // Gray 128 in the red plane: (128/255 − 0.485)/0.229 = 0.0741; blue image: red plane (0 − 0.485)/0.229 = −2.1179,
        // blue plane (1 − 0.406)/0.225 = 2.64
        Assert.Equal(0.0741, batch[0, 0, 8, 8].item<float>(), 3);
        Assert.Equal(-2.1179, batch[1, 0, 8, 8].item<float>(), 3);
        Assert.Equal(2.64, batch[1, 2, 8, 8].item<float>(), 3);
    }

    [Fact]
    public void Flip_Mirrors_Each_Row()
    {
        string path = Path.Combine(dir, "half.png");
        using (var m = new Mat(16, 16, MatType.CV_8UC3, new Scalar(0, 0, 0)))
        {
            Cv2.Rectangle(m, new Rect(0, 0, 4, 16), new Scalar(255, 255, 255), -1); // white left edge
            Cv2.ImWrite(path, m);
        }
        var spec = PreprocessSpec.ImageNet with { ResizeShorterSide = 16, CropSize = 16 };
        using var batch = new BatchBuilder(ImageCache.Load([path], spec), spec).Build([0, 0], [false, true], CPU);
        Assert.True(batch[0, 0, 5, 0].item<float>() > 2f);   // white at the left
        Assert.True(batch[1, 0, 5, 15].item<float>() > 2f);  // mirrored: white at the right
        Assert.True(batch[1, 0, 5, 0].item<float>() < -2f);
    }

    [Fact]
    public void Unreadable_File_Gives_Clear_Error()
    {
        string path = Path.Combine(dir, "bad.png");
        File.WriteAllText(path, "not an image");
        var e = Assert.Throws<InvalidDataException>(() => ImageCache.LoadOne(path, PreprocessSpec.ImageNet));
        Assert.Contains("cannot decode image", e.Message, StringComparison.Ordinal);
    }
}
