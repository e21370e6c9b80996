using OpenCvSharp;

namespace Npa.Monitor.Inference;

/// <summary>Draws class activation maps for crops scored by an <see cref="InferenceEngine"/> whose package has feature outputs.</summary>
public sealed class ActivationMapper
{
    private readonly InferenceEngine engine;
    private readonly IReadOnlyList<CamWeights> weights;

    /// <summary>Reads the classifier weights from the engine's package; throws <see cref="ModelPackageException"/> when it has no usable feature outputs.</summary>
    public ActivationMapper(InferenceEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        weights = CamWeights.FromPackage(engine.Package);
        if (weights.Count == 0) throw new ModelPackageException($"model {engine.ModelId} has no feature outputs, so it cannot draw activation maps");
    }

    /// <summary>
    /// Scores <paramref name="preprocessed"/> (the CHW input for <paramref name="cropBgr"/>) and draws the map of
    /// <paramref name="classIndex"/>, or of the fused prediction when null, over the crop.
    /// </summary>
    public CamImages Explain(ReadOnlySpan<float> preprocessed, Mat cropBgr, int? classIndex = null)
    {
        ArgumentNullException.ThrowIfNull(cropBgr);
        if (cropBgr.Empty() || cropBgr.Type() != MatType.CV_8UC3) throw new ArgumentException("the crop must be a non-empty 8-bit BGR image", nameof(cropBgr));
        var (result, features) = engine.RunWithFeatures(preprocessed);
        int cls = classIndex ?? result.Level;
        var maps = new List<float[]>();
        var shapes = new List<int[]>();
        for (int b = 0; b < weights.Count; b++)
        {
            maps.Add(weights[b].Map(features[b], cls));
            shapes.Add(engine.FeatureShapes[weights[b].FeatureOutput]);
        }
        using var heat = Heatmap(maps, shapes, cropBgr.Size());
        using var overlay = new Mat();
        Cv2.AddWeighted(cropBgr, 0.5, heat, 0.5, 0, overlay);
        return new CamImages(result, cls, maps, heat.ImEncode(".png"), overlay.ImEncode(".png"));
    }

    /// <summary>
    /// Scores <paramref name="preprocessed"/> and draws each branch's own map of <paramref name="classIndex"/> over the
    /// crop, one PNG per branch in the package's branch order, so that a reader sees where each branch looked.
    /// </summary>
    public IReadOnlyList<byte[]> BranchOverlays(ReadOnlySpan<float> preprocessed, Mat cropBgr, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(cropBgr);
        if (cropBgr.Empty() || cropBgr.Type() != MatType.CV_8UC3) throw new ArgumentException("the crop must be a non-empty 8-bit BGR image", nameof(cropBgr));
        var (_, features) = engine.RunWithFeatures(preprocessed);
        var overlays = new List<byte[]>(weights.Count);
        for (int b = 0; b < weights.Count; b++)
        {
            using var heat = Heatmap([weights[b].Map(features[b], classIndex)], [engine.FeatureShapes[weights[b].FeatureOutput]], cropBgr.Size());
            using var overlay = new Mat();
            Cv2.AddWeighted(cropBgr, 0.5, heat, 0.5, 0, overlay);
            overlays.Add(overlay.ImEncode(".png"));
        }
        return overlays;
    }

    /// <summary>Each branch's map ReLU'd, scaled to [0,1] and resized to the crop; their mean in the JET colormap.</summary>
    internal static Mat Heatmap(IReadOnlyList<float[]> maps, IReadOnlyList<int[]> shapes, Size size)
    {
        using var sum = new Mat(size, MatType.CV_32FC1, Scalar.All(0));
        for (int b = 0; b < maps.Count; b++)
        {
            float max = maps[b].Max();
            float[] scaled = Array.ConvertAll(maps[b], v => max > 0 ? Math.Max(v, 0) / max : 0f);
            using var small = Mat.FromPixelData(shapes[b][1], shapes[b][2], MatType.CV_32FC1, scaled);
            using var big = new Mat();
            Cv2.Resize(small, big, size, 0, 0, InterpolationFlags.Linear);
            Cv2.Add(sum, big, sum);
        }
        using var gray = new Mat();
        sum.ConvertTo(gray, MatType.CV_8UC1, 255.0 / maps.Count);
        var heat = new Mat();
        Cv2.ApplyColorMap(gray, heat, ColormapTypes.Jet);
        return heat;
    }
}
