using Npa.Shared.Packaging;
using Npa.Trainer.Data;
using Npa.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>Runs a network in eval mode, without gradients, over cached images.</summary>
public static class Predictor
{
    /// <summary>
    /// Predictions of <paramref name="network"/> for images <paramref name="indices"/> of <paramref name="builder"/>'s cache,
    /// the branches fused by <paramref name="fusion"/> (<see cref="FusionRule"/>; null: the mean).
    /// </summary>
    public static Predictions Run(SiameseNetwork network, BatchBuilder builder, IReadOnlyList<int> indices, int batchSize, Device device,
        string? fusion = null)
    {
        var fused = new List<float[]>(indices?.Count ?? 0);
        var alpha = new List<float>(indices?.Count ?? 0);
        var branches = new List<List<float[]>>();
        ForEachBatch(network, builder, indices!, batchSize, device, output =>
        {
            var rows = output.Branches.Select(b => Rows(b.Probabilities())).ToArray();
            var alphas = output.Branches.Select(b => b.Alpha.cpu().reshape(-1).data<float>().ToArray()).ToArray();
            for (int i = 0; i < rows[0].Length; i++)
            {
                fused.Add(PredictionRule.Fuse([.. rows.Select(r => r[i])], [.. alphas.Select(a => a[i])], fusion));
                alpha.Add(alphas.Aggregate(1f, (product, a) => product * a[i]));
            }
            for (int b = 0; b < rows.Length; b++)
            {
                if (branches.Count <= b) branches.Add([]);
                branches[b].AddRange(rows[b]);
            }
        });
        return new Predictions(fused, branches, alpha);
    }

    /// <summary>
    /// Runs <paramref name="network"/> in eval mode, without gradients, on <paramref name="indices"/> in batches, and hands
    /// each batch's output to <paramref name="onBatch"/>; tensors made there are freed with the batch. The network's
    /// training mode is restored afterwards.
    /// </summary>
    public static void ForEachBatch(SiameseNetwork network, BatchBuilder builder, IReadOnlyList<int> indices, int batchSize, Device device, Action<SiameseOutput> onBatch)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(onBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var _ = no_grad();
            for (int start = 0; start < indices.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = indices.Skip(start).Take(batchSize).ToArray();
                using var x = builder.Build(batch, null, device);
                using var output = network.call(x);
                onBatch(output);
            }
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    /// <summary>The rows of a [N,C] tensor as float arrays.</summary>
    public static float[][] Rows(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        using var cpu = matrix.detach().cpu().to_type(ScalarType.Float32).contiguous();
        int n = (int)cpu.shape[0], c = (int)cpu.shape[1];
        var flat = cpu.data<float>().ToArray();
        var rows = new float[n][];
        for (int i = 0; i < n; i++) rows[i] = flat.AsSpan(i * c, c).ToArray();
        return rows;
    }
}
