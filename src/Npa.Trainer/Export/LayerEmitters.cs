using TorchSharp;
using static TorchSharp.torch;
using TorchSharp.Modules;
using static Npa.Trainer.Export.OnnxGraphBuilder;

namespace Npa.Trainer.Export;

/// <summary>ONNX nodes for the leaf layers the model zoo uses.</summary>
internal static class LayerEmitters
{
    /// <summary>Conv2d with an optional BatchNorm2d folded into its weights (eval-mode running statistics).</summary>
    public static OnnxValue Conv(OnnxGraphBuilder g, Conv2d conv, BatchNorm2d? bn, string path, OnnxValue x)
    {
        if (conv.padding_mode != PaddingModes.Zeros) throw UnsupportedModuleException.For(path, conv, $"padding_mode {conv.padding_mode}");
        if (conv.transposed) throw UnsupportedModuleException.For(path, conv, "transposed convolution");
        RequireRank(path, conv, x, 3);
        if (x.Channels != conv.in_channels) throw new UnsupportedModuleException($"{path}: Conv2d expects {conv.in_channels} channels, its input {x.Name} is {x.Describe()}");

        long[] k = conv.kernel_size, s = conv.stride, d = conv.dilation;
        long[] pads = ConvPads(conv, path);
        float[] w = TensorData.ToFloats(conv.weight!);
        long cout = conv.out_channels;
        var b = conv.bias is null ? new double[cout] : TensorData.ToDoubles(conv.bias);
        if (bn is not null)
        {
            var (scale, shift) = BatchNormAffine(bn, path, cout);
            long per = w.Length / cout;
            for (long c = 0; c < cout; c++)
            {
                for (long i = c * per; i < (c + 1) * per; i++) w[i] = (float)(w[i] * scale[c]);
                b[c] = b[c] * scale[c] + shift[c];
            }
        }
        long hOut = (x.Shape[1] + pads[0] + pads[2] - d[0] * (k[0] - 1) - 1) / s[0] + 1;
        long wOut = (x.Shape[2] + pads[1] + pads[3] - d[1] * (k[1] - 1) - 1) / s[1] + 1;
        g.CountMacs(cout * hOut * wOut * (conv.in_channels / conv.groups) * k[0] * k[1]);

        string stem = ModuleGraphWriter.Stem(path);
        string wName = g.AddWeight(stem + "_weight", w, cout, conv.in_channels / conv.groups, k[0], k[1]);
        string bName = g.AddWeight(stem + "_bias", Array.ConvertAll(b, v => (float)v), cout);
        string y = g.AddNode("Conv", stem, [x.Name, wName, bName],
        [
            Ints("kernel_shape", k), Ints("strides", s), Ints("dilations", d), Ints("pads", pads), Int("group", conv.groups),
        ]);
        return new OnnxValue(y, [cout, hOut, wOut]);
    }

    /// <summary>A BatchNorm2d that follows no conv: per-channel Mul and Add.</summary>
    public static OnnxValue BatchNorm(OnnxGraphBuilder g, BatchNorm2d bn, string path, OnnxValue x)
    {
        RequireRank(path, bn, x, 3);
        var (scale, shift) = BatchNormAffine(bn, path, x.Channels);
        string stem = ModuleGraphWriter.Stem(path);
        string sName = g.AddInitializer(stem + "_scale", Array.ConvertAll(scale, v => (float)v), x.Channels, 1, 1);
        string tName = g.AddInitializer(stem + "_shift", Array.ConvertAll(shift, v => (float)v), x.Channels, 1, 1);
        string m = g.AddNode("Mul", stem + "_mul", [x.Name, sName]);
        return x with { Name = g.AddNode("Add", stem, [m, tName]) };
    }

    private static (double[] Scale, double[] Shift) BatchNormAffine(BatchNorm2d bn, string path, long channels)
    {
        if (!bn.track_running_stats || bn.running_mean is null || bn.running_var is null)
            throw UnsupportedModuleException.For(path, bn, "no running statistics: eval mode would use batch statistics");
        if (bn.num_features != channels) throw new UnsupportedModuleException($"{path}: BatchNorm2d has {bn.num_features} features, its input has {channels} channels");
        double[] mean = TensorData.ToDoubles(bn.running_mean), variance = TensorData.ToDoubles(bn.running_var);
        double[] gamma = bn.affine && bn.weight is not null ? TensorData.ToDoubles(bn.weight) : Enumerable.Repeat(1.0, (int)channels).ToArray();
        double[] beta = bn.affine && bn.bias is not null ? TensorData.ToDoubles(bn.bias) : new double[channels];
        var scale = new double[channels];
        var shift = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            scale[c] = gamma[c] / Math.Sqrt(variance[c] + bn.eps);
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return (scale, shift);
    }

    private static long[] ConvPads(Conv2d conv, string path)
    {
        long[] k = conv.kernel_size, d = conv.dilation;
        if (conv.padding_type is Padding.Valid) return [0, 0, 0, 0];
        if (conv.padding_type is Padding.Same)
        {
            // PyTorch's 'same' puts the odd pixel of padding at the end.
            long th = d[0] * (k[0] - 1), tw = d[1] * (k[1] - 1);
            return [th / 2, tw / 2, th - th / 2, tw - tw / 2];
        }
        long[] p = conv.padding ?? throw UnsupportedModuleException.For(path, conv, "padding unknown");
        return p.Length == 1 ? [p[0], p[0], p[0], p[0]] : [p[0], p[1], p[0], p[1]];
    }

    /// <summary>Linear as Gemm (y = x·Wᵀ + b) on a [N,F] input.</summary>
    public static OnnxValue Gemm(OnnxGraphBuilder g, Linear linear, string path, OnnxValue x)
    {
        RequireRank(path, linear, x, 1);
        if (x.Shape[0] != linear.in_features) throw new UnsupportedModuleException($"{path}: Linear expects {linear.in_features} features, its input {x.Name} is {x.Describe()}");
        string stem = ModuleGraphWriter.Stem(path);
        long o = linear.out_features, i = linear.in_features;
        string wName = g.AddWeight(stem + "_weight", TensorData.ToFloats(linear.weight!), o, i);
        var inputs = new List<string> { x.Name, wName };
        if (linear.bias is not null) inputs.Add(g.AddWeight(stem + "_bias", TensorData.ToFloats(linear.bias), o));
        g.CountMacs(o * i);
        return new OnnxValue(g.AddNode("Gemm", stem, inputs, [Int("transB", 1)]), [o]);
    }

    /// <summary>SiLU as x·sigmoid(x), the form every ONNX runtime fuses.</summary>
    public static OnnxValue Silu(OnnxGraphBuilder g, string path, OnnxValue x)
    {
        string stem = ModuleGraphWriter.Stem(path);
        string s = g.AddNode("Sigmoid", stem + "_sigmoid", [x.Name]);
        return x with { Name = g.AddNode("Mul", stem, [x.Name, s]) };
    }

    public static OnnxValue MaxPool(OnnxGraphBuilder g, MaxPool2d pool, string path, OnnxValue x)
    {
        RequireRank(path, pool, x, 3);
        long[] k = Pair(pool.kernel_size), s = pool.stride is { Length: > 0 } ? Pair(pool.stride) : k, p = Pair(pool.padding ?? [0]);
        long[] d = Pair(pool.dilation ?? [1]);
        if (d[0] != 1 || d[1] != 1) throw UnsupportedModuleException.For(path, pool, "dilation");
        Func<double, double> round = pool.ceil_mode ? Math.Ceiling : Math.Floor;
        long h = (long)round((x.Shape[1] + 2.0 * p[0] - k[0]) / s[0]) + 1;
        long w = (long)round((x.Shape[2] + 2.0 * p[1] - k[1]) / s[1]) + 1;
        string y = g.AddNode("MaxPool", ModuleGraphWriter.Stem(path), [x.Name],
            [Ints("kernel_shape", k), Ints("strides", s), Ints("pads", [p[0], p[1], p[0], p[1]]), Int("ceil_mode", pool.ceil_mode ? 1 : 0)]);
        return new OnnxValue(y, [x.Channels, h, w]);
    }

    public static OnnxValue GlobalAveragePool(OnnxGraphBuilder g, AdaptiveAvgPool2d pool, string path, OnnxValue x)
    {
        RequireRank(path, pool, x, 3);
        if (pool.output_size.Any(v => v != 1)) throw UnsupportedModuleException.For(path, pool, $"output_size [{string.Join(',', pool.output_size)}]; only 1x1 is");
        return new OnnxValue(g.AddNode("GlobalAveragePool", ModuleGraphWriter.Stem(path), [x.Name]), [x.Channels, 1, 1]);
    }

    public static OnnxValue Flatten(OnnxGraphBuilder g, Flatten flatten, string path, OnnxValue x)
    {
        if (flatten.start_dim != 1 || (flatten.end_dim != -1 && flatten.end_dim != x.Shape.Count))
            throw UnsupportedModuleException.For(path, flatten, $"start_dim {flatten.start_dim}, end_dim {flatten.end_dim}");
        long features = x.Shape.Aggregate(1L, (a, b) => a * b);
        return new OnnxValue(g.AddNode("Flatten", ModuleGraphWriter.Stem(path), [x.Name], [Int("axis", 1)]), [features]);
    }

    private static long[] Pair(long[] v) => v.Length == 1 ? [v[0], v[0]] : [v[0], v[1]];

    private static void RequireRank(string path, object module, OnnxValue x, int rank)
    {
        if (x.Shape.Count != rank)
            throw new UnsupportedModuleException($"{path}: {module.GetType().Name} needs a rank-{rank + 1} input, got {x.Name} {x.Describe()}");
    }
}
