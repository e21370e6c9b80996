using System.Diagnostics;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Npa.Trainer.Export.Bench;

/// <summary>Measures this machine's FP32 GEMM rate through ONNX Runtime: a one-node MatMul graph, n×n by n×n.</summary>
public static class GemmRateProbe
{
    /// <summary>GFLOP/s (2n³ per product) of the best of several timed runs after a warm-up.</summary>
    public static double Measure(int threads, int n = 2048, int runs = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 64);
        using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(MatMulModel(n).ToByteArray(), options);
        var random = new Random(1);
        float[] a = [.. Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble() - 0.5f)];
        float[] b = [.. Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble() - 0.5f)];
        float[] c = new float[n * n];
        long[] shape = [n, n];
        using var va = OrtValue.CreateTensorValueFromMemory(a, shape);
        using var vb = OrtValue.CreateTensorValueFromMemory(b, shape);
        using var vc = OrtValue.CreateTensorValueFromMemory(c, shape);
        using var runOptions = new RunOptions();
        double best = double.MaxValue;
        for (int i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            session.Run(runOptions, ["a", "b"], [va, vb], ["c"], [vc]);
            if (i > 0) best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * (double)n / best / 1e9;
    }

    private static ModelProto MatMulModel(int n)
    {
        var graph = new GraphProto { Name = "gemm_probe" };
        var node = new NodeProto { OpType = "MatMul", Name = "matmul" };
        node.Input.Add("a");
        node.Input.Add("b");
        node.Output.Add("c");
        graph.Node.Add(node);
        graph.Input.Add(Matrix("a", n));
        graph.Input.Add(Matrix("b", n));
        graph.Output.Add(Matrix("c", n));
        var model = new ModelProto { IrVersion = SiameseOnnxWriter.IrVersion, ProducerName = "npa-train", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = SiameseOnnxWriter.Opset });
        return model;
    }

    private static ValueInfoProto Matrix(string name, int n)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = n });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = n });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
