using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Pretrained;

/// <summary>Lists a module's state_dict entries in PyTorch's order (each module's parameters, then its buffers, then its children).</summary>
/// <remarks>TorchSharp's state_dict() puts all parameters before all buffers; PyTorch interleaves them per module, and files written by PyTorch follow that.</remarks>
public static class TorchStateDictOrder
{
    /// <summary>The entries as PyTorch's <c>module.state_dict()</c> would yield them.</summary>
    public static IReadOnlyList<(string Key, Tensor Value)> Entries(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var result = new List<(string, Tensor)>();
        Collect(module, string.Empty, result);
        return result;
    }

    private static void Collect(nn.Module module, string prefix, List<(string, Tensor)> into)
    {
        foreach (var (name, parameter) in module.named_parameters(recurse: false))
            into.Add((prefix + name, parameter));
        foreach (var (name, buffer) in module.named_buffers(recurse: false))
            into.Add((prefix + name, buffer));
        foreach (var (name, child) in module.named_children())
            Collect(child, $"{prefix}{name}.", into);
    }
}
