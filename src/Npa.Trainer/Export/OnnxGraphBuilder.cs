using System.Buffers.Binary;
using Google.Protobuf;
using Npa.Shared.Packaging;
using Onnx;

namespace Npa.Trainer.Export;

/// <summary>Appends nodes and initializers to an ONNX graph, keeps names unique and counts multiply-accumulates.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(WeightStorage weights = WeightStorage.Fp32) => Weights = weights;

    public GraphProto Graph { get; } = new() { Name = "npa_siamese" };

    /// <summary>How <see cref="AddWeight"/> stores Conv and Gemm weights and biases.</summary>
    public WeightStorage Weights { get; }

    /// <summary>Weight tensors kept in FP32 under <see cref="WeightStorage.Fp16"/> because a value lies beyond FP16's range.</summary>
    public int Fp32Fallbacks { get; private set; }

    /// <summary>Multiply-accumulates per sample of the Conv and Gemm nodes written so far.</summary>
    public long MultiplyAccumulates { get; private set; }

    public void CountMacs(long macs) => MultiplyAccumulates += macs;

    public string UniqueName(string stem)
    {
        string name = stem;
        for (int i = 1; !names.Add(name); i++) name = $"{stem}_{i}";
        return name;
    }

    /// <summary>Reserves an exact name (graph inputs and outputs); a clash is a bug in the writer.</summary>
    public string ReserveName(string name)
    {
        if (!names.Add(name)) throw new InvalidOperationException($"ONNX value name '{name}' is used twice");
        return name;
    }

    /// <summary>A FLOAT initializer (always FP32: constants and parameters outside Conv and Gemm).</summary>
    public string AddInitializer(string stem, float[] data, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        return AddTensor(stem, TensorProto.Types.DataType.Float, bytes, data.Length, dims);
    }

    private string AddTensor(string stem, TensorProto.Types.DataType type, byte[] rawData, int count, long[] dims)
    {
        long expected = dims.Aggregate(1L, (a, b) => a * b);
        if (expected != count) throw new ArgumentException($"initializer {stem}: {count} values for shape [{string.Join(',', dims)}]", nameof(count));
        var tensor = new TensorProto { Name = UniqueName(stem), DataType = (int)type };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(rawData);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>
    /// A Conv or Gemm weight or bias. Under <see cref="WeightStorage.Fp16"/> it is stored as a FLOAT16 initializer behind a
    /// Cast to FLOAT, so the graph still computes in FP32 (ONNX Runtime folds the Cast at load); a tensor with a value
    /// beyond FP16's range stays FP32 rather than turn into infinities.
    /// </summary>
    public string AddWeight(string stem, float[] data, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Weights == WeightStorage.Fp32) return AddInitializer(stem, data, dims);
        var bytes = new byte[data.Length * sizeof(ushort)];
        for (int i = 0; i < data.Length; i++)
        {
            var half = (Half)data[i];
            if (!Half.IsFinite(half))
            {
                Fp32Fallbacks++;
                return AddInitializer(stem, data, dims);
            }
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * sizeof(ushort)), half);
        }
        string stored = AddTensor(stem + "_fp16", TensorProto.Types.DataType.Float16, bytes, data.Length, dims);
        return AddNode("Cast", stem, [stored], [Int("to", (long)TensorProto.Types.DataType.Float)]);
    }

    /// <summary>Adds a node with one output named after <paramref name="outputStem"/> (or exactly <paramref name="exactOutput"/>).</summary>
    public string AddNode(string opType, string outputStem, IEnumerable<string> inputs, IEnumerable<AttributeProto>? attributes = null, string? exactOutput = null)
    {
        string output = exactOutput is null ? UniqueName(outputStem) : ReserveName(exactOutput);
        var node = new NodeProto { OpType = opType, Name = UniqueName("n_" + output) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (attributes is not null) node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    public void AddInput(string name, params long[] perSampleDims) => Graph.Input.Add(ValueInfo(ReserveName(name), perSampleDims));

    public void AddOutput(string name, IReadOnlyList<long> perSampleDims) => Graph.Output.Add(ValueInfo(name, perSampleDims));

    private static ValueInfoProto ValueInfo(string name, IReadOnlyList<long> perSampleDims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (long d in perSampleDims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
