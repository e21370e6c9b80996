using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Pretrained;

/// <summary>Loads torchvision-format state_dicts into backbones and branches, strictly: every trunk key, matching shapes, no strangers.</summary>
public static class PretrainedWeights
{
    // Heads that sit on a trunk in torchvision checkpoints (fc, classifier) and in our NipsBranch (fc, alpha).
    private static readonly string[] HeadPrefixes = ["fc.", "classifier.", "alpha."];

    // Prefixes that wrap a trunk's keys in other saves (DataParallel, our own NipsBranch).
    private static readonly string[] WrapperPrefixes = ["module.", "backbone."];

    private const int ListedKeys = 5;

    /// <summary>Reads <paramref name="path"/> (.pt/.pth/.bin/.safetensors) and loads it into <paramref name="backbone"/>.</summary>
    public static PretrainedLoadResult LoadInto(Backbone backbone, string path)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var stateDict = StateDictFile.Read(path);
        try
        {
            return LoadInto(backbone, stateDict, path);
        }
        finally
        {
            foreach (var tensor in stateDict.Values) tensor.Dispose();
        }
    }

    /// <summary>Copies <paramref name="stateDict"/> into <paramref name="backbone"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Keys are missing or unexpected, or a shape differs; the message names them.</exception>
    public static PretrainedLoadResult LoadInto(Backbone backbone, IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(stateDict);
        var name = backbone.BackboneName;
        var incoming = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (rawKey, value) in stateDict)
        {
            var key = StripWrapper(rawKey);
            if (HeadPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) ignored.Add(rawKey);
            else incoming[key] = value;
        }

        var targets = TorchStateDictOrder.Entries(backbone);
        var missing = targets.Select(t => t.Key).Where(k => !incoming.ContainsKey(k)).ToList();
        var targetKeys = targets.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var unexpected = incoming.Keys.Where(k => !targetKeys.Contains(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add($"it lacks {missing.Count} key(s) the backbone needs ({List(missing)})");
            if (unexpected.Count > 0) parts.Add($"it holds {unexpected.Count} key(s) the backbone does not have ({List(unexpected)})");
            throw new InvalidDataException($"Weights '{source}' do not fit backbone '{name}': {string.Join("; ", parts)}. Is it a different architecture?");
        }

        var mismatched = targets
            .Where(t => !t.Value.shape.SequenceEqual(incoming[t.Key].shape))
            .Select(t => $"'{t.Key}' is {Shape(incoming[t.Key])} in the file but {Shape(t.Value)} in the model")
            .ToList();
        if (mismatched.Count > 0)
            throw new InvalidDataException($"Weights '{source}' do not fit backbone '{name}': {mismatched.Count} shape mismatch(es): {List(mismatched)}.");

        using (no_grad())
        {
            foreach (var (key, target) in targets) target.copy_(incoming[key]);
        }

        return new PretrainedLoadResult(source, name, targets.Count, ignored);
    }

    /// <summary>Loads per-branch files into <paramref name="network"/>'s backbones; a null path leaves that branch as initialised.</summary>
    public static IReadOnlyList<PretrainedLoadResult> LoadBranches(SiameseNetwork network, string? branchA, string? branchB)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (branchB is not null && network.BranchB is null)
            throw new ArgumentException($"Weights '{branchB}' were given for branch B, but the network runs a single branch ({network.Spec.BranchA}).", nameof(branchB));
        var results = new List<PretrainedLoadResult>();
        if (branchA is not null) results.Add(LoadInto(network.BranchA.Backbone, branchA));
        if (branchB is not null) results.Add(LoadInto(network.BranchB!.Backbone, branchB));
        return results;
    }

    private static string StripWrapper(string key)
    {
        foreach (var prefix in WrapperPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return key[prefix.Length..];
        }

        return key;
    }

    private static string Shape(Tensor t) => $"[{string.Join(",", t.shape)}]";

    private static string List(List<string> items) =>
        string.Join(", ", items.Take(ListedKeys).Select(i => i.StartsWith('\'') ? i : $"'{i}'")) + (items.Count > ListedKeys ? $", … {items.Count - ListedKeys} more" : "");
}
