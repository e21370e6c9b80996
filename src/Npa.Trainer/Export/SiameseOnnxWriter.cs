using Npa.Shared.Packaging;
using Onnx;
using static Npa.Trainer.Export.OnnxGraphBuilder;

namespace Npa.Trainer.Export;

/// <summary>
/// Writes the whole dual (or single) branch network as one ONNX graph. Per branch: features → GlobalAveragePool →
/// Flatten → Gemm (logits) and Sigmoid(Gemm) (α); probs = mean over branches of softmax(α·logits).
/// A single-branch model writes only the "_a" outputs and probs = softmax(α_a·logits_a); nothing is duplicated.
/// </summary>
public static class SiameseOnnxWriter
{
    public const long IrVersion = 8;
    public const long Opset = 17;

    public static OnnxExportResult Write(IReadOnlyList<BranchModules> branches, OnnxExportOptions options, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (branches.Count is < 1 or > 2) throw new ArgumentException($"a model has one or two branches, got {branches.Count}", nameof(branches));

        var g = new OnnxGraphBuilder(options.Weights);
        var writer = new ModuleGraphWriter(g);
        g.AddInput(ModelOutputNames.Input, 3, options.Height, options.Width);
        var input = new OnnxValue(ModelOutputNames.Input, [3, options.Height, options.Width]);

        var outputs = new List<(string Name, IReadOnlyList<long> Shape)>();
        var probs = new List<string>();
        var featureShapes = new List<IReadOnlyList<long>>();
        long classes = -1;
        for (int b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var features = writer.Emit(branch.Backbone, ModuleGraphWriter.Join(branch.Path, "backbone"), input);
            if (features.Shape.Count != 3) throw new UnsupportedModuleException($"{branch.Path}.backbone: must end in [N,C,h,w] feature maps, ends in {features.Describe()}");
            featureShapes.Add(features.Shape);

            var pooled = new OnnxValue(g.AddNode("GlobalAveragePool", branch.Path + "_pool", [features.Name]), [features.Channels, 1, 1]);
            pooled = new OnnxValue(g.AddNode("Flatten", branch.Path + "_flat", [pooled.Name], [Int("axis", 1)]), [features.Channels]);
            var logits = LayerEmitters.Gemm(g, branch.Fc, ModuleGraphWriter.Join(branch.Path, "fc"), pooled);
            var alphaPre = LayerEmitters.Gemm(g, branch.Alpha, ModuleGraphWriter.Join(branch.Path, "alpha"), pooled);
            if (alphaPre.Shape[0] != 1) throw new UnsupportedModuleException($"{branch.Path}.alpha: must give one value per sample, gives {alphaPre.Describe()}");
            if (classes >= 0 && logits.Shape[0] != classes) throw new UnsupportedModuleException($"{branch.Path}.fc: {logits.Shape[0]} classes, the other branch has {classes}");
            classes = logits.Shape[0];

            string logitsName = g.AddNode("Identity", "", [logits.Name], exactOutput: ModelOutputNames.Logits(b));
            string alphaName = g.AddNode("Sigmoid", "", [alphaPre.Name], exactOutput: ModelOutputNames.Alpha(b));
            string scaled = g.AddNode("Mul", branch.Path + "_scaled", [logitsName, alphaName]);
            probs.Add(g.AddNode("Softmax", branch.Path + "_probs", [scaled], [Int("axis", 1)], branches.Count == 1 ? ModelOutputNames.Probs : null));
            outputs.Add((logitsName, logits.Shape));
            outputs.Add((alphaName, [1]));
            if (options.IncludeFeatures)
                outputs.Add((g.AddNode("Identity", "", [features.Name], exactOutput: ModelOutputNames.Features(b)), features.Shape));
        }
        if (branches.Count == 2)
        {
            string sum = g.AddNode("Add", "probs_sum", probs);
            string half = g.AddInitializer("half", [0.5f]);
            g.AddNode("Mul", "", [sum, half], exactOutput: ModelOutputNames.Probs);
        }
        g.AddOutput(ModelOutputNames.Probs, [classes]);
        // Contract order: probs, logits_*, alpha_*, features_*.
        var ordered = outputs.OrderBy(o => o.Name.StartsWith("logits", StringComparison.Ordinal) ? 0 : o.Name.StartsWith("alpha", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        foreach (var (name, shape) in ordered) g.AddOutput(name, shape);

        var model = new ModelProto { IrVersion = IrVersion, ProducerName = "npa-train", ProducerVersion = "1", Graph = g.Graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        if (metadata is not null)
            foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        var names = new List<string> { ModelOutputNames.Probs };
        names.AddRange(ordered.Select(o => o.Name));
        return new OnnxExportResult(model, names, (int)classes, options.IncludeFeatures ? featureShapes : null, g.MultiplyAccumulates)
        {
            Fp32Fallbacks = g.Fp32Fallbacks,
        };
    }
}
