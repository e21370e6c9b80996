using Npa.Shared.Packaging;
using Npa.Trainer.Models;
using TorchSharp.Modules;

namespace Npa.Trainer.Export;

/// <summary>Writes a <see cref="SiameseNetwork"/> as ONNX (its branches as the writer sees them).</summary>
public static class SiameseExport
{
    /// <summary>branch_a (and branch_b) as backbone + fc + alpha.</summary>
    public static IReadOnlyList<BranchModules> Branches(SiameseNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. network.Branches.Select((branch, i) => Branch(branch, i == 0 ? "branch_a" : "branch_b"))];
    }

    /// <summary>The network in eval mode as an ONNX graph at its spec's input size, its weights stored as <paramref name="weights"/> says.</summary>
    public static OnnxExportResult Write(SiameseNetwork network, bool includeFeatures = true, IReadOnlyDictionary<string, string>? metadata = null,
        WeightStorage weights = WeightStorage.Fp32)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.eval();
        int size = network.Spec.InputSize;
        return SiameseOnnxWriter.Write(Branches(network), new OnnxExportOptions(size, size, includeFeatures, weights), metadata);
    }

    private static BranchModules Branch(NipsBranch branch, string path)
    {
        Linear Head(string name) => ModuleGraphWriter.Child(branch, name, path) as Linear
            ?? throw UnsupportedModuleException.For($"{path}.{name}", ModuleGraphWriter.Child(branch, name, path), "expected Linear");
        return new BranchModules(path, branch.Backbone, Head("fc"), Head("alpha"));
    }
}
