using TorchSharp;
using static TorchSharp.torch;
using TorchSharp.Modules;

namespace Npa.Trainer.Export;

/// <summary>One branch as the ONNX writer sees it: a backbone giving [N,C,h,w] maps, then global pooling, `fc` and the α head.</summary>
/// <param name="Path">Module path of the branch in the network (for error messages), e.g. "branch_a".</param>
/// <param name="Backbone">Feature extractor ending in the last conv maps.</param>
/// <param name="Fc">Classifier over the pooled features.</param>
/// <param name="Alpha">Linear layer whose sigmoid is the branch's α.</param>
public sealed record BranchModules(string Path, nn.Module Backbone, Linear Fc, Linear Alpha);
