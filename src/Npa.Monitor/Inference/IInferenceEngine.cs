namespace Npa.Monitor.Inference;

/// <summary>Scores batches of preprocessed face crops with the loaded model package.</summary>
public interface IInferenceEngine : IDisposable
{
    /// <summary>Id of the package now serving (manifest id plus onnx hash prefix).</summary>
    string ModelId { get; }

    /// <summary>Channels, height and width of one preprocessed input.</summary>
    (int Channels, int Height, int Width) InputShape { get; }

    /// <summary>Runs one batch. <paramref name="inputs"/> holds <paramref name="count"/> CHW float32 crops back to back.</summary>
    IReadOnlyList<InferenceResult> Run(ReadOnlySpan<float> inputs, int count);
}
