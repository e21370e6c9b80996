using Npa.Capture.Configuration;
using Npa.Capture.Cropping;
using Npa.Capture.Detection;
using Npa.Capture.Frames;
using Npa.Capture.Simulation;
using Npa.Capture.Simulation.Camera;
using Npa.Shared.Preprocessing;
using Npa.Trainer.Data;
using Npa.Trainer.Tests.Training;
using OpenCvSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Data;

/// <summary>The tensor the Monitor scores and the tensor the Trainer learns from, for the same camera frame.</summary>
public sealed class TrainServeParity_Tests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("npa-parity-").FullName;

    [Theory]
    [InlineData(96, 110, true)]
    [InlineData(64, 72, false)]
    public void Served_Crop_And_Training_Image_Of_One_Frame_Give_Identical_Tensors(int size, int resize, bool mlnet)
    {
        var spec = (mlnet ? PreprocessSpec.DnnResNet18 : PreprocessSpec.ImageNet) with { ResizeShorterSide = resize, CropSize = size };
        var capture = new CaptureOptions
        {
            Detector = new DetectorOptions { BlazeFace = new BlazeFaceOptions { ModelPath = Path.Combine(RepoPaths.Root, BlazeFaceOptions.DefaultModelPath) } },
        };
        // Frame 300 of the default bed script: peak pain, the face where the bedside camera sees it.
        using var timeline = new BedTimeline(BedScript.Default("bed-1", 3), new SimulatedCameraOptions());
        using var cropper = new CameraFrameCropper(capture);
        Mat image;
        using (var rendered = timeline.Render(300)) image = rendered.DetachImage();
        var (crop, refused) = cropper.Cut(new Frame("bed-1", 300, DateTimeOffset.UnixEpoch, image));
        Assert.True(crop is not null, $"the capture chain refused the frame: {refused}");
        using (crop)
        {
            float[] served = CropPreprocessor.Preprocess(crop, spec);

            // What `npa-train synth --render CameraFrame` writes, read back by the training cache and batch builder.
            string png = Path.Combine(_folder, "frame.png");
            Assert.True(Cv2.ImWrite(png, crop));
            var builder = new BatchBuilder(ImageCache.Load([png], spec), spec);
            using var batch = builder.Build([0], null, CPU);
            float[] trained = batch.data<float>().ToArray();

            Assert.Equal(spec.OutputLength, served.Length);
            Assert.Equal(served, trained);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
