using Npa.Trainer.Data;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Calibration;

/// <summary>Runs a network once in eval mode, without gradients, and keeps each branch's logits and α as plain arrays.</summary>
public static class LogitCollector
{
    /// <summary>Raw outputs of <paramref name="network"/> for images <paramref name="indices"/> of <paramref name="builder"/>'s cache.</summary>
    public static NetworkLogits Run(SiameseNetwork network, BatchBuilder builder, IReadOnlyList<int> indices, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(network);
        int branchCount = network.Spec.IsSingleBranch ? 1 : 2;
        var logits = Enumerable.Range(0, branchCount).Select(_ => new List<float[]>(indices?.Count ?? 0)).ToArray();
        var alphas = Enumerable.Range(0, branchCount).Select(_ => new List<float>(indices?.Count ?? 0)).ToArray();
        Predictor.ForEachBatch(network, builder, indices!, batchSize, device, output =>
        {
            for (int b = 0; b < branchCount; b++)
            {
                logits[b].AddRange(Predictor.Rows(output.Branches[b].Logits));
                using var alpha = output.Branches[b].Alpha.detach().cpu().to_type(ScalarType.Float32).reshape(-1);
                alphas[b].AddRange(alpha.data<float>().ToArray());
            }
        });
        return new NetworkLogits([.. Enumerable.Range(0, branchCount).Select(b => new BranchLogits(logits[b], alphas[b]))]);
    }
}
