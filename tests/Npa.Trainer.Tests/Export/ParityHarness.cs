using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Npa.Shared.Packaging;
using Npa.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

/// <summary>One test branch: typed modules for the TorchSharp reference, plus the writer's view.</summary>
internal sealed record TestBranch(string Path, nn.Module<Tensor, Tensor> Backbone, Linear Fc, Linear Alpha)
{
    public static TestBranch Create(string path, nn.Module<Tensor, Tensor> backbone, long features, long classes = 8)
    {
        var fc = nn.Linear(features, classes);
        var alpha = nn.Linear(features, 1);
        fc.eval();
        alpha.eval();
        return new TestBranch(path, backbone, fc, alpha);
    }

    public BranchModules ForWriter => new(Path, Backbone, Fc, Alpha);
}

/// <summary>Runs the TorchSharp reference and ONNX Runtime on the same inputs and reports the largest differences.</summary>
internal static class ParityHarness
{
    public sealed record Outputs(float[] Probs, float[][] Logits, float[][] Alpha, float[][] Features);

    /// <summary>The reference forward: mean over branches of softmax(α·logits), α = sigmoid(alpha(pool(features))).</summary>
    public static Outputs Reference(IReadOnlyList<TestBranch> branches, Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor? probs = null;
        var logits = new List<float[]>();
        var alphas = new List<float[]>();
        var features = new List<float[]>();
        foreach (var b in branches)
        {
            var f = b.Backbone.call(input);
            var pooled = f.mean([2, 3]);
            var l = b.Fc.call(pooled);
            var a = b.Alpha.call(pooled).sigmoid();
            var p = (l * a).softmax(1);
            probs = probs is null ? p : probs + p;
            logits.Add(l.data<float>().ToArray());
            alphas.Add(a.data<float>().ToArray());
            features.Add(f.contiguous().data<float>().ToArray());
        }
        probs = probs! / branches.Count;
        return new Outputs(probs.data<float>().ToArray(), [.. logits], [.. alphas], [.. features]);
    }

    public static Outputs RunOnnx(OnnxExportResult result, Tensor input)
    {
        using var session = new InferenceSession(result.Model.ToByteArray());
        float[] data = input.contiguous().data<float>().ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(data, input.shape);
        using var outputs = session.Run(new RunOptions(), [ModelOutputNames.Input], [value], result.OutputNames);
        var byName = result.OutputNames.Zip(outputs).ToDictionary(p => p.First, p => p.Second.GetTensorDataAsSpan<float>().ToArray());
        int branches = result.OutputNames.Count(n => n.StartsWith("logits_", StringComparison.Ordinal));
        var range = Enumerable.Range(0, branches);
        return new Outputs(byName[ModelOutputNames.Probs],
            [.. range.Select(b => byName[ModelOutputNames.Logits(b)])],
            [.. range.Select(b => byName[ModelOutputNames.Alpha(b)])],
            [.. range.Select(b => byName.GetValueOrDefault(ModelOutputNames.Features(b)) ?? [])]);
    }

    public static double MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        return max;
    }
}
