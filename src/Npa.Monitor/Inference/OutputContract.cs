using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>Checks that a loaded graph has exactly the input and outputs its manifest promises, with the right shapes.</summary>
internal static class OutputContract
{
    /// <summary>Returns the per-sample shape of each feature output; throws <see cref="ModelPackageException"/> on any disagreement.</summary>
    public static IReadOnlyDictionary<string, int[]> Verify(InferenceSession session, ModelManifest manifest, string modelId)
    {
        var problems = new List<string>();
        int classes = manifest.Classes.Count;
        int[] inputSize = [.. manifest.InputSize];

        if (!session.InputMetadata.TryGetValue(ModelOutputNames.Input, out var input))
            problems.Add($"the graph has no input '{ModelOutputNames.Input}' (it has {string.Join(", ", session.InputMetadata.Keys)})");
        else
            CheckShape(problems, ModelOutputNames.Input, input, inputSize);

        var graphOutputs = session.OutputMetadata;
        foreach (var name in graphOutputs.Keys.Where(n => !manifest.Outputs.Contains(n, StringComparer.Ordinal)))
            problems.Add($"the graph has output '{name}', which the manifest does not list");
        var features = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (string name in manifest.Outputs)
        {
            if (!graphOutputs.TryGetValue(name, out var meta)) { problems.Add($"the manifest lists output '{name}', which the graph lacks"); continue; }
            if (ModelOutputNames.IsFeatures(name))
            {
                if (meta.Dimensions.Length != 4 || meta.Dimensions.Skip(1).Any(d => d < 1))
                    problems.Add($"output '{name}' has shape {Describe(meta.Dimensions)}; feature maps must be [N,C,h,w]");
                else features[name] = meta.Dimensions[1..];
                continue;
            }
            CheckShape(problems, name, meta, ModelOutputNames.IsAlpha(name) ? [1] : [classes]);
        }
        if (problems.Count > 0)
            throw new ModelPackageException($"model {modelId} refused: graph and manifest disagree: {string.Join("; ", problems)}");
        return features;
    }

    private static void CheckShape(List<string> problems, string name, NodeMetadata meta, int[] perSample)
    {
        if (meta.ElementDataType != TensorElementType.Float) problems.Add($"'{name}' is {meta.ElementDataType}, expected float32");
        int[] dims = meta.Dimensions;
        bool ok = dims.Length == perSample.Length + 1 && dims[0] is -1 or 0 && dims.AsSpan(1).SequenceEqual(perSample);
        if (!ok) problems.Add($"'{name}' has shape {Describe(dims)}, expected [N,{string.Join(',', perSample)}] with a dynamic N");
    }

    private static string Describe(int[] dims) => "[" + string.Join(',', dims.Select(d => d < 1 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
