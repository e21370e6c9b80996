using Npa.Shared.Nips;
using Npa.Shared.Preprocessing;
using Npa.Trainer.Data;
using Npa.Trainer.Models;
using OpenCvSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Cam;

/// <summary>Paper-style Grad-CAM figures: the crop the network saw, with the mean of its branches' maps for the fused prediction.</summary>
public static class GradCamFigure
{
    /// <summary>What the figure shows.</summary>
    public sealed record Explained(int ClassIndex, double Confidence, IReadOnlyList<GradCamMap> BranchMaps, byte[] Png);

    /// <summary>Explains the fused prediction for the image at <paramref name="imagePath"/>, drawn at <paramref name="displaySize"/> pixels.</summary>
    public static Explained Render(SiameseNetwork network, PreprocessSpec spec, string imagePath, int displaySize = 256)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(displaySize, 32);
        int s = spec.CropSize;
        byte[] crop = ImageCache.LoadOne(imagePath, spec);
        var chw = new float[spec.OutputLength];
        // The crop is already resized and cropped; normalise it as the training batches do.
        (spec with { ResizeShorterSide = s }).Normalize(crop, s, s, 3 * s, PixelFormat.Bgr24, chw);
        network.eval();
        using var image = tensor(chw, [1, 3, s, s]);
        float[] fused;
        using (no_grad())
        using (var output = network.call(image))
        using (var probs = output.FusedProbabilities())
            fused = probs.data<float>().ToArray();
        int cls = NipsScale.ArgMax(fused);
        var maps = network.Branches
            .Select(branch => GradCam.Compute(x => { var o = branch.ForwardWithFeatures(x); return (o.Features!, o.Logits); }, image, cls))
            .ToList();

        using var cropMat = Mat.FromPixelData(s, s, MatType.CV_8UC3, crop);
        using var big = new Mat();
        Cv2.Resize(cropMat, big, new OpenCvSharp.Size(displaySize, displaySize), 0, 0, InterpolationFlags.Cubic);
        using var heat = Heatmap(maps, displaySize);
        using var overlay = new Mat();
        Cv2.AddWeighted(big, 0.5, heat, 0.5, 0, overlay);
        using var figure = new Mat();
        Cv2.CopyMakeBorder(overlay, figure, 0, 28, 0, 0, BorderTypes.Constant, Scalar.All(255));
        string caption = FormattableString.Invariant($"Grad-CAM: NIPS {cls} ({NipsScale.WireName(NipsScale.CategoryOf(cls))}) p={fused[cls]:F2}");
        // Shrink the caption until it fits the figure's width.
        double scale = 0.5;
        while (scale > 0.2 && Cv2.GetTextSize(caption, HersheyFonts.HersheySimplex, scale, 1, out _).Width > displaySize - 8) scale -= 0.02;
        Cv2.PutText(figure, caption, new Point(4, displaySize + 19), HersheyFonts.HersheySimplex, scale, Scalar.All(0), 1, LineTypes.AntiAlias);
        return new Explained(cls, fused[cls], maps, figure.ImEncode(".png"));
    }

    /// <summary>Each branch's map scaled to [0,1], resized, averaged, in the JET colormap (the Monitor's CAM uses the same drawing).</summary>
    private static Mat Heatmap(List<GradCamMap> maps, int size)
    {
        using var sum = new Mat(size, size, MatType.CV_32FC1, Scalar.All(0));
        foreach (var map in maps)
        {
            float max = map.Values.Max();
            float[] scaled = Array.ConvertAll(map.Values, v => max > 0 ? v / max : 0f);
            using var small = Mat.FromPixelData(map.Height, map.Width, MatType.CV_32FC1, scaled);
            using var resized = new Mat();
            Cv2.Resize(small, resized, new OpenCvSharp.Size(size, size), 0, 0, InterpolationFlags.Linear);
            Cv2.Add(sum, resized, sum);
        }
        using var gray = new Mat();
        sum.ConvertTo(gray, MatType.CV_8UC1, 255.0 / maps.Count);
        var heat = new Mat();
        Cv2.ApplyColorMap(gray, heat, ColormapTypes.Jet);
        return heat;
    }
}
