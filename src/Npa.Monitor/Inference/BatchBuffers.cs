using Microsoft.ML.OnnxRuntime;

namespace Npa.Monitor.Inference;

/// <summary>
/// Input and output tensors for one batch size, allocated once and bound to ONNX Runtime as OrtValues over pinned
/// managed arrays, so a steady stream of batches allocates nothing per run but the result records.
/// </summary>
internal sealed class BatchBuffers : IDisposable
{
    private readonly List<OrtValue> outputValues = [];
    private bool disposed;

    public BatchBuffers(int batch, int[] inputShape, IReadOnlyList<(string Name, int[] PerSample)> outputs)
    {
        Batch = batch;
        Input = new float[batch * inputShape.Aggregate(1, (a, b) => a * b)];
        InputValue = OrtValue.CreateTensorValueFromMemory(Input, [batch, .. inputShape.Select(d => (long)d)]);
        foreach (var (name, perSample) in outputs)
        {
            var data = new float[batch * perSample.Aggregate(1, (a, b) => a * b)];
            Outputs[name] = data;
            outputValues.Add(OrtValue.CreateTensorValueFromMemory(data, [batch, .. perSample.Select(d => (long)d)]));
        }
        OutputNames = [.. outputs.Select(o => o.Name)];
    }

    public int Batch { get; }

    public float[] Input { get; }

    public OrtValue InputValue { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public IReadOnlyList<OrtValue> OutputValues => outputValues;

    /// <summary>Output arrays by name; valid until the next run with this batch size.</summary>
    public Dictionary<string, float[]> Outputs { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        InputValue.Dispose();
        foreach (var v in outputValues) v.Dispose();
    }
}
