using Npa.Capture.Detection;
using OpenCvSharp;

namespace Npa.Capture.Tests.Detection;

/// <summary>Both real detectors on public-domain photographs nobody here made (provenance in TestData/README.md).</summary>
public sealed class RealPhotoDetection_Tests : IDisposable
{
    private readonly BlazeFaceDetector _blazeFace = new(new BlazeFaceOptions { ModelPath = TestPaths.BlazeFaceModel() });
    private readonly HaarFaceDetector _haar = new(new HaarOptions());

    public static TheoryData<string, string, int, int, int, int> Faces => new()
    {
        // Hand-annotated face boxes (x1, y1, x2, y2), hairline/hat brim to chin.
        { "blazeface", "grace_hopper_512x512.jpg", 160, 100, 370, 330 },
        { "haar", "grace_hopper_512x512.jpg", 160, 100, 370, 330 },
        { "blazeface", "astronaut.png", 175, 70, 275, 175 },
        { "haar", "astronaut.png", 175, 70, 275, 175 },
    };

    public static TheoryData<string, string> NonFaces => new()
    {
        { "blazeface", "coffee.png" },
        { "haar", "coffee.png" },
        { "blazeface", "chelsea.png" },
        { "haar", "chelsea.png" },
        { "blazeface", TestPaths.Iceberg },
        { "haar", TestPaths.Iceberg },
    };

    [Theory]
    [MemberData(nameof(Faces))]
    public void Photo_With_A_Face_Gives_Its_Face_As_Most_Confident_Box(string detector, string image, int x1, int y1, int x2, int y2)
    {
        using Mat photo = Load(image);

        IReadOnlyList<FaceDetection> faces = Pick(detector).Detect(photo);

        Assert.NotEmpty(faces);
        FaceDetection best = faces.MaxBy(f => f.Score)!;
        double iou = FaceDetection.IoU(best.Box, new Rect2d(x1, y1, x2 - x1, y2 - y1));
        Assert.True(iou >= 0.5, $"{detector} on {image}: best box {best.Box} (score {best.Score:F2}) has IoU {iou:F2} with the annotated face");
        Assert.InRange(best.Score, 0.5, 1.0);
    }

    [Theory]
    [MemberData(nameof(NonFaces))]
    public void Photo_Without_A_Face_Gives_No_Box(string detector, string image)
    {
        using Mat photo = Load(image);

        IReadOnlyList<FaceDetection> faces = Pick(detector).Detect(photo);

        Assert.True(faces.Count == 0, $"{detector} on {image}: unexpected boxes {string.Join("; ", faces.Select(f => $"{f.Box} @ {f.Score:F2}"))}");
    }

    [Fact]
    public void BlazeFace_Keypoints_Put_The_Eyes_Above_The_Mouth_Inside_The_Box()
    {
        using Mat photo = Load("grace_hopper_512x512.jpg");

        FaceDetection face = _blazeFace.Detect(photo).Single();

        Assert.Equal(6, face.Keypoints.Count);
        Point2d rightEye = face.Keypoints[0], leftEye = face.Keypoints[1], mouth = face.Keypoints[3];
        Assert.True(rightEye.X < leftEye.X, $"subject's right eye {rightEye} should be left of the left eye {leftEye} in the image");
        Assert.True(mouth.Y > Math.Max(rightEye.Y, leftEye.Y) + 20, $"mouth {mouth} should be well below the eyes {rightEye}, {leftEye}");
        Assert.True(face.Box.Contains(mouth) && face.Box.Contains(rightEye) && face.Box.Contains(leftEye));
    }

    [Fact]
    public void BlazeFace_On_A_Wide_Frame_Maps_The_Box_Back_Through_The_Letterbox()
    {
        using Mat photo = Load("grace_hopper_512x512.jpg");
        using var wide = new Mat(new Size(1024, 512), MatType.CV_8UC3, Scalar.All(30));
        using (var window = new Mat(wide, new Rect(400, 0, 512, 512)))
        {
            photo.CopyTo(window);
        }

        FaceDetection inSquare = _blazeFace.Detect(photo).Single();
        FaceDetection inWide = _blazeFace.Detect(wide).Single();

        var shifted = new Rect2d(inSquare.Box.X + 400, inSquare.Box.Y, inSquare.Box.Width, inSquare.Box.Height);
        Assert.True(FaceDetection.IoU(shifted, inWide.Box) > 0.8, $"{inWide.Box} vs expected {shifted}");
    }

    public void Dispose()
    {
        _blazeFace.Dispose();
        _haar.Dispose();
    }

    private IFaceDetector Pick(string name) => name == "haar" ? _haar : _blazeFace;

    private static Mat Load(string image)
    {
        string path = Path.IsPathRooted(image) ? image : TestPaths.TestData(image);
        Assert.True(File.Exists(path), $"{path} is missing (the iceberg ships in Debian's facedetect package: ./npa setup installs it)");
        Mat mat = Cv2.ImRead(path, ImreadModes.Color);
        Assert.False(mat.Empty(), $"{path} did not decode");
        return mat;
    }
}
