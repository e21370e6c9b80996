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
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        bool wasTraining = network.training;
        network.eval();
        int branchCount = network.Spec.IsSingleBranch ? 1 : 2;
        var logits = Enumerable.Range(0, branchCount).Select(_ => new List<float[]>(indices.Count)).ToArray();
        var alphas = Enumerable.Range(0, branchCount).Select(_ => new List<float>(indices.Count)).ToArray();
        try
        {
            using var _ = no_grad();
            for (int start = 0; start < indices.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = indices.Skip(start).Take(batchSize).ToArray();
                using var x = builder.Build(batch, null, device);
                using var output = network.call(x);
                for (int b = 0; b < branchCount; b++)
                {
                    logits[b].AddRange(Predictor.Rows(output.Branches[b].Logits));
                    using var alpha = output.Branches[b].Alpha.detach().cpu().to_type(ScalarType.Float32).reshape(-1);
                    alphas[b].AddRange(alpha.data<float>().ToArray());
                }
            }
        }
        finally
        {
            network.train(wasTraining);
        }
        return new NetworkLogits([.. Enumerable.Range(0, branchCount).Select(b => new BranchLogits(logits[b], alphas[b]))]);
    }
}
