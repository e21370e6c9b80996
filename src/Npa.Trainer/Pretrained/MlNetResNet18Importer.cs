using Npa.Trainer.Models;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Pretrained;

/// <summary>Turns the ImageNet-trained ONNX of NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (a CNTK export) into resnet18_mlnet weights.</summary>
/// <remarks>
/// The graph is a ResNet with BasicBlocks [2,2,2,3]. Each Conv is followed by its own BatchNormalization (epsilon 1e-5, as torch's
/// default), so walking the Conv nodes in order fills torchvision's keys; the only reordering is that CNTK emits a stage's 1×1
/// shortcut conv before that block's conv1, while torchvision lists downsample after conv2. Its asymmetric padding (conv1
/// [3,3,2,2], stride-2 convs and maxpool [1,1,0,0]) gives the same result as torchvision's symmetric padding at even input sizes.
/// Input: BGR, 0–255, minus the mean image of ResNetPreprocess.onnx (see PreprocessSpec.DnnResNet18); no std.
/// </remarks>
public static class MlNetResNet18Importer
{
    /// <summary>Registry name of the backbone these weights fit.</summary>
    public const string BackboneName = "resnet18_mlnet";

    private static readonly int[] BlocksPerLayer = [2, 2, 2, 3];

    /// <summary>Where the package's build assets put the ONNX beside the running program.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>Reads the ONNX and returns every trunk entry of resnet18_mlnet under torchvision's keys, in torchvision's order.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The graph does not have the expected Conv/BatchNormalization structure.</exception>
    public static List<(string Key, Tensor Value)> ReadStateDict(string? onnxPath = null)
    {
        var path = onnxPath ?? DefaultModelPath;
        var model = MlNetOnnxFile.Read(path, "ML.NET ResNet18 ONNX");

        var pairs = ConvBatchNormPairs(model.Graph, path);
        var slots = TorchvisionSlots(pairs, path);
        var initializers = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var result = new List<(string, Tensor)>();
        foreach (var (prefixConv, prefixBn, pair) in slots)
        {
            result.Add(($"{prefixConv}.weight", ToTensor(initializers, pair.Conv.Input[1], path)));
            result.Add(($"{prefixBn}.weight", ToTensor(initializers, pair.Norm.Input[1], path)));
            result.Add(($"{prefixBn}.bias", ToTensor(initializers, pair.Norm.Input[2], path)));
            result.Add(($"{prefixBn}.running_mean", ToTensor(initializers, pair.Norm.Input[3], path)));
            result.Add(($"{prefixBn}.running_var", ToTensor(initializers, pair.Norm.Input[4], path)));
            // CNTK keeps no batch count; 0 is what a fresh torch BatchNorm holds.
            result.Add(($"{prefixBn}.num_batches_tracked", tensor(0L)));
        }

        return result;
    }

    /// <summary>Standard torchvision resnet18 (BasicBlocks [2,2,2,2]) also takes these weights, without the import's third layer4 block.</summary>
    public const string StandardBackboneName = "resnet18";

    // The import's extra block; residual networks keep working when one late block is removed (it only refines), and
    // dropping it gives the standard resnet18 shape: 5.2 M fewer values, which keeps a two-branch package small.
    private const string ExtraBlockPrefix = "layer4.2.";

    /// <summary>
    /// Fills a resnet18_mlnet <paramref name="backbone"/> from the ONNX (default: <see cref="DefaultModelPath"/>), or a
    /// standard resnet18 with every entry but the third layer4 block's.
    /// </summary>
    public static PretrainedLoadResult ImportInto(Backbone backbone, string? onnxPath = null)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        if (!Fits(backbone.BackboneName))
            throw new ArgumentException($"The ML.NET ResNet18 weights fit backbone '{BackboneName}' (BasicBlocks [2,2,2,3]) or '{StandardBackboneName}' (without its third layer4 block), not '{backbone.BackboneName}'.", nameof(backbone));
        var entries = ReadStateDict(onnxPath);
        try
        {
            bool standard = backbone.BackboneName == StandardBackboneName;
            var kept = entries.Where(e => !standard || !e.Key.StartsWith(ExtraBlockPrefix, StringComparison.Ordinal));
            return PretrainedWeights.LoadInto(backbone, kept.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), onnxPath ?? DefaultModelPath);
        }
        finally
        {
            foreach (var (_, value) in entries) value.Dispose();
        }
    }

    /// <summary>Whether backbone <paramref name="name"/> can take these weights.</summary>
    public static bool Fits(string? name) => name is BackboneName or StandardBackboneName;

    private sealed record ConvNorm(NodeProto Conv, NodeProto Norm, bool IsPointwise);

    private static List<ConvNorm> ConvBatchNormPairs(GraphProto graph, string path)
    {
        var normByInput = graph.Node.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Input[0], StringComparer.Ordinal);
        var pairs = new List<ConvNorm>();
        foreach (var conv in graph.Node.Where(n => n.OpType == "Conv"))
        {
            if (conv.Input.Count > 2 && conv.Input[2].Length > 0)
                throw new InvalidDataException($"'{path}': Conv '{conv.Name}' has a bias; torchvision's ResNet convs have none.");
            if (!normByInput.TryGetValue(conv.Output[0], out var norm))
                throw new InvalidDataException($"'{path}': Conv '{conv.Name}' is not followed by a BatchNormalization.");
            var epsilon = norm.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            if (Math.Abs(epsilon - 1e-5) > 1e-7)
                throw new InvalidDataException($"'{path}': BatchNormalization '{norm.Name}' has epsilon {epsilon}; torch's BatchNorm2d uses 1e-5.");
            var kernel = conv.Attribute.FirstOrDefault(a => a.Name == "kernel_shape")?.Ints;
            pairs.Add(new ConvNorm(conv, norm, kernel is { Count: 2 } && kernel[0] == 1 && kernel[1] == 1));
        }

        return pairs;
    }

    private static List<(string Conv, string Norm, ConvNorm Pair)> TorchvisionSlots(List<ConvNorm> pairs, string path)
    {
        const int expected = 1 + 2 * 9 + 3;
        if (pairs.Count != expected)
            throw new InvalidDataException($"'{path}' has {pairs.Count} Conv+BatchNormalization pairs; a ResNet with BasicBlocks [2,2,2,3] has {expected}.");
        var slots = new List<(string, string, ConvNorm)> { ("conv1", "bn1", pairs[0]) };
        var next = 1;
        for (var layer = 1; layer <= BlocksPerLayer.Length; layer++)
        {
            for (var block = 0; block < BlocksPerLayer[layer - 1]; block++)
            {
                var prefix = $"layer{layer}.{block}";
                var hasDownsample = layer > 1 && block == 0;
                var group = pairs.Skip(next).Take(hasDownsample ? 3 : 2).ToList();
                next += group.Count;
                var shortcut = group.Where(p => p.IsPointwise).ToList();
                var main = group.Where(p => !p.IsPointwise).ToList();
                if (shortcut.Count != (hasDownsample ? 1 : 0) || main.Count != 2)
                    throw new InvalidDataException($"'{path}': the convs for {prefix} are not two 3×3 convs{(hasDownsample ? " and one 1×1 shortcut" : "")}.");
                slots.Add(($"{prefix}.conv1", $"{prefix}.bn1", main[0]));
                slots.Add(($"{prefix}.conv2", $"{prefix}.bn2", main[1]));
                if (hasDownsample) slots.Add(($"{prefix}.downsample.0", $"{prefix}.downsample.1", shortcut[0]));
            }
        }

        return slots;
    }

    private static Tensor ToTensor(Dictionary<string, TensorProto> initializers, string name, string path)
    {
        if (!initializers.TryGetValue(name, out var proto))
            throw new InvalidDataException($"'{path}': initializer '{name}' is missing.");
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"'{path}': initializer '{name}' has ONNX data type {proto.DataType}, expected float.");
        var shape = proto.Dims.ToArray();
        var values = proto.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray()
            : [.. proto.FloatData];
        if (values.LongLength != shape.Aggregate(1L, (a, b) => a * b))
            throw new InvalidDataException($"'{path}': initializer '{name}' holds {values.Length} values for shape [{string.Join(",", shape)}].");
        using var flat = tensor(values);
        return flat.reshape(shape);
    }
}
