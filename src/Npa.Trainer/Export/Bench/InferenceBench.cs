using System.Diagnostics;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Npa.Trainer.Models;
using static TorchSharp.torch;

namespace Npa.Trainer.Export.Bench;

/// <summary>Times models through ONNX Runtime and TorchSharp eval at several batch sizes.</summary>
public sealed class InferenceBench(int threads, double minSeconds)
{
    public IReadOnlyList<BenchRow> Run(BenchModel model, IReadOnlyList<int> batches)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        set_num_threads(threads);
        manual_seed(1);
        using var network = new SiameseNetwork(model.Spec);
        network.eval();
        var export = SiameseExport.Write(network, includeFeatures: false);
        byte[] onnx = model.OnnxPath is null ? export.Model.ToByteArray() : File.ReadAllBytes(model.OnnxPath);
        using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(onnx, options);
        double macs = export.MultiplyAccumulates;
        int size = model.Spec.InputSize;
        var rows = new List<BenchRow>();
        foreach (int batch in batches)
        {
            double ort = OrtSeconds(session, batch, size);
            double torchSeconds = TorchSeconds(network, batch, size);
            rows.Add(new BenchRow(model.Label, batch, macs / 1e9,
                ort / batch * 1e3, torchSeconds / batch * 1e3,
                2 * macs * batch / ort / 1e9, 2 * macs * batch / torchSeconds / 1e9));
        }
        return rows;
    }

    private double OrtSeconds(InferenceSession session, int batch, int size)
    {
        var data = new float[batch * 3 * size * size];
        for (int i = 0; i < data.Length; i++) data[i] = (float)Math.Sin(i * 0.1);
        using var input = OrtValue.CreateTensorValueFromMemory(data, [batch, 3, size, size]);
        using var runOptions = new RunOptions();
        var outputs = session.OutputMetadata.Keys.ToArray();
        return Time(() =>
        {
            using var results = session.Run(runOptions, ["input"], [input], outputs);
        });
    }

    private double TorchSeconds(SiameseNetwork network, int batch, int size)
    {
        using var input = randn(batch, 3, size, size);
        using var noGrad = no_grad();
        return Time(() =>
        {
            using var scope = NewDisposeScope();
            using var output = network.call(input);
            using var probs = output.FusedProbabilities();
        });
    }

    /// <summary>Mean seconds per call after one warm-up call, over at least minSeconds and 3 calls.</summary>
    private double Time(Action action)
    {
        action();
        int calls = 0;
        var clock = Stopwatch.StartNew();
        while (calls < 3 || clock.Elapsed.TotalSeconds < minSeconds)
        {
            action();
            calls++;
        }
        return clock.Elapsed.TotalSeconds / calls;
    }
}
