using Npa.Trainer.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Models;

/// <summary>The formula-made weights, calibration and images of scripts/reference/deterministic.py (change both together).</summary>
internal static class DeterministicWeights
{
    public static void Fill(nn.Module model)
    {
        using var noGrad = no_grad();
        var entries = TorchStateDictOrder.Entries(model);
        for (var k = 0; k < entries.Count; k++)
        {
            var (key, value) = entries[k];
            if (key.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
            var n = value.numel();
            var (offset, scale) = Coefficients(key, value);
            var data = new float[n];
            for (long i = 0; i < n; i++) data[i] = (float)(offset + scale * Uniform(i, k));

            using var source = tensor(data);
            using var shaped = source.reshape(value.shape);
            value.copy_(shaped);
        }
    }

    // value = offset + scale * u, by kind of entry (see deterministic.py).
    private static (double Offset, double Scale) Coefficients(string key, Tensor value)
    {
        if (key.EndsWith("running_var", StringComparison.Ordinal)) return (1.0, 0.3);
        if (key.EndsWith("running_mean", StringComparison.Ordinal) || key.EndsWith("bias", StringComparison.Ordinal)) return (0.0, 0.05);
        if (value.dim() >= 2) return (0.0, Math.Sqrt(6.0 / (value.numel() / value.shape[0])));
        return (1.0, 0.2);
    }

    /// <summary>Sets every BatchNorm's running statistics to those of the [calibration, test] batch, then leaves the model in eval mode.</summary>
    public static void Calibrate(nn.Module<Tensor, Tensor> model, int size)
    {
        model.eval();
        foreach (var module in model.modules())
        {
            if (module is TorchSharp.Modules.BatchNorm2d bn)
            {
                bn.momentum = 1.0;
                bn.train();
            }
        }

        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var batch = cat([CalibrationImage(size), Image(size)]);
            model.call(batch);
        }

        model.eval();
    }

    public static Tensor CalibrationImage(int size) =>
        Make(size, j => Math.Cos(0.013 * j) + 0.5 * Math.Sin(0.0009 * j));

    public static Tensor Image(int size) =>
        Make(size, j => Math.Sin(0.011 * j) + 0.5 * Math.Cos(0.0007 * j));

    private static Tensor Make(int size, Func<double, double> value)
    {
        var data = new float[3 * size * size];
        for (var j = 0; j < data.Length; j++) data[j] = (float)value(j);
        using var flat = tensor(data);
        return flat.reshape(1, 3, size, size);
    }

    private static double Uniform(long i, int k)
    {
        var x = unchecked((uint)i * 0x9E3779B1u + (uint)(k + 1) * 0x85EBCA77u);
        return LowBias32(x) / 2147483648.0 - 1.0;
    }

    private static uint LowBias32(uint x)
    {
        unchecked
        {
            x ^= x >> 16;
            x *= 0x7FEB352Du;
            x ^= x >> 15;
            x *= 0x846CA68Bu;
            x ^= x >> 16;
            return x;
        }
    }
}
