using Google.Protobuf;
using Npa.Shared.Packaging;
using Onnx;

namespace Npa.Monitor.Inference;

/// <summary>
/// A branch's classifier weights w[c,k], read from the served model.onnx itself so the activation map always matches the
/// graph. Valid only when logits = Gemm(Flatten(GlobalAveragePool(features))), which is checked: then the class activation
/// map Σ_k w_ck·A_k is exactly what the logit averages (Grad-CAM up to scale).
/// </summary>
public sealed record CamWeights(string FeatureOutput, int Classes, int Channels, float[] Weights)
{
    /// <summary>Weights for each branch's feature output (features_a, features_b) of a package.</summary>
    public static IReadOnlyList<CamWeights> FromPackage(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(package.Onnx.Span);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ModelPackageException($"model {package.ModelId}: model.onnx is not a readable ONNX model ({ex.Message})", ex);
        }
        var features = package.Manifest.Outputs.Where(ModelOutputNames.IsFeatures).Order(StringComparer.Ordinal).ToList();
        return [.. features.Select(f => Read(model, f, ModelOutputNames.LogitsPrefix + f[ModelOutputNames.FeaturesPrefix.Length..], package.ModelId))];
    }

    private static CamWeights Read(ModelProto model, string featureOutput, string logitsOutput, string modelId)
    {
        var graph = model.Graph;
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var output in node.Output) producers[output] = node;
        string Fail(string why) => throw new ModelPackageException($"model {modelId}: cannot draw activation maps for {featureOutput}: {why}");
        NodeProto Producer(string value, string op) =>
            producers.TryGetValue(value, out var n) && n.OpType == op ? n : throw new ModelPackageException(
                $"model {modelId}: cannot draw activation maps for {featureOutput}: '{value}' is not made by {op}");

        string Through(string value) => producers.TryGetValue(value, out var n) && n.OpType == "Identity" ? n.Input[0] : value;
        var gemm = Producer(Through(logitsOutput), "Gemm");
        var flatten = Producer(gemm.Input[0], "Flatten");
        var pool = Producer(flatten.Input[0], "GlobalAveragePool");
        if (Through(featureOutput) != pool.Input[0]) Fail($"the classifier does not pool {featureOutput}");
        if (!gemm.Attribute.Any(a => a.Name == "transB" && a.I == 1)) Fail("the classifier Gemm is not transB=1");

        // FP16-stored packages keep the weight as a FLOAT16 initializer behind Cast(to=FLOAT).
        string weightName = producers.TryGetValue(gemm.Input[1], out var cast) && cast.OpType == "Cast" ? cast.Input[0] : gemm.Input[1];
        var tensor = graph.Initializer.FirstOrDefault(t => t.Name == weightName) ?? throw new ModelPackageException(
            $"model {modelId}: cannot draw activation maps for {featureOutput}: classifier weight '{gemm.Input[1]}' is not an initializer");
        bool half = tensor.DataType == (int)TensorProto.Types.DataType.Float16;
        if (tensor.Dims.Count != 2 || (tensor.DataType != (int)TensorProto.Types.DataType.Float && !half)) Fail("classifier weight is not a float matrix");
        int classes = (int)tensor.Dims[0], channels = (int)tensor.Dims[1];
        float[] weights = half ? HalfValues(tensor)
            : tensor.RawData.Length > 0
                ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
                : [.. tensor.FloatData];
        if (weights.Length != classes * channels) Fail($"classifier weight holds {weights.Length} values for [{classes},{channels}]");
        return new CamWeights(featureOutput, classes, channels, weights);
    }

    private static float[] HalfValues(TensorProto tensor) => tensor.RawData.Length > 0
        ? Array.ConvertAll(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(tensor.RawData.Span).ToArray(), h => (float)h)
        : [.. tensor.Int32Data.Select(bits => (float)BitConverter.UInt16BitsToHalf((ushort)bits))];

    /// <summary>Σ_k w[c,k]·A_k over a [K,h,w] feature map (one sample), as h·w values.</summary>
    public float[] Map(ReadOnlySpan<float> features, int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, Classes);
        if (features.Length % Channels != 0) throw new ArgumentException($"{features.Length} values are not {Channels} feature maps", nameof(features));
        int pixels = features.Length / Channels;
        var map = new float[pixels];
        var w = Weights.AsSpan(classIndex * Channels, Channels);
        for (int k = 0; k < Channels; k++)
        {
            float wk = w[k];
            var a = features.Slice(k * pixels, pixels);
            for (int p = 0; p < pixels; p++) map[p] += wk * a[p];
        }
        return map;
    }
}
