using Npa.Shared.Preprocessing;
using Npa.Trainer.Cam;
using Npa.Trainer.Models;
using Npa.Trainer.Tests.Export;
using OpenCvSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Cam;

public sealed class GradCamFigure_Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-gradcam-").FullName;

    [Fact]
    public void Figure_Explains_The_Fused_Prediction_With_One_Map_Per_Branch_And_A_Caption_Strip()
    {
        manual_seed(51);
        using var network = TinyNets.Randomize(new SiameseNetwork(new NetworkSpec("efficientnet_v2_t", "efficientnet_v2_t", InputSize: 64)));
        var spec = PreprocessSpec.ImageNet with { ResizeShorterSide = 72, CropSize = 64 };
        string path = Path.Combine(dir, "face.png");
        using (var image = new Mat(80, 96, MatType.CV_8UC3))
        {
            Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
            Cv2.ImWrite(path, image);
        }
        var figure = GradCamFigure.Render(network, spec, path, displaySize: 128);

        Assert.Equal(2, figure.BranchMaps.Count);
        Assert.All(figure.BranchMaps, m => Assert.Equal(figure.ClassIndex, m.ClassIndex));
        Assert.InRange(figure.Confidence, 1.0 / 8, 1.0);
        using var png = Cv2.ImDecode(figure.Png, ImreadModes.Color);
        Assert.Equal(new OpenCvSharp.Size(128, 128 + 28), png.Size());
    }

    [Fact]
    public void Missing_Image_Is_Refused_With_Its_Path()
    {
        using var network = new SiameseNetwork(new NetworkSpec("efficientnet_v2_t", null, InputSize: 32));
        var ex = Assert.Throws<FileNotFoundException>(() => GradCamFigure.Render(network, PreprocessSpec.ImageNet with { ResizeShorterSide = 36, CropSize = 32 }, Path.Combine(dir, "none.png")));
        Assert.Contains("image not found:", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
