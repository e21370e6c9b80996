using Npa.Monitor.Inference;
using Npa.Monitor.ModelSwap;
using Npa.Shared.Preprocessing;

namespace Npa.Monitor.Tests.Support;

/// <summary>Test engine: the score of a crop is its first input value; records batch sizes.</summary>
internal sealed class FakeEngine(string modelId, int cropSize = 4) : IInferenceEngine
{
    private readonly List<int> _batches = [];

    public string ModelId { get; } = modelId;

    public (int Channels, int Height, int Width) InputShape => (3, cropSize, cropSize);

    public int InputLength => 3 * cropSize * cropSize;

    public bool Disposed { get; private set; }

    public Exception? FailWith { get; set; }

    /// <summary>Blocks each batch until released (lets a test fill the queue).</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>Runs inside each batch: what arrives meanwhile, in virtual time where a batch takes no time.</summary>
    public Action? DuringRun { get; set; }

    public IReadOnlyList<int> Batches
    {
        get { lock (_batches) return _batches.ToList(); }
    }

    public IReadOnlyList<InferenceResult> Run(ReadOnlySpan<float> inputs, int count)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Gate?.Wait();
        lock (_batches) _batches.Add(count);
        DuringRun?.Invoke();
        if (FailWith is { } ex) throw ex;
        var results = new List<InferenceResult>(count);
        for (int i = 0; i < count; i++) results.Add(TestResults.Score(inputs[i * InputLength], modelId: ModelId));
        return results;
    }

    /// <summary>An input whose score will be <paramref name="score"/>.</summary>
    public float[] Input(double score)
    {
        var input = new float[InputLength];
        input[0] = (float)score;
        return input;
    }

    public LoadedModel Loaded(double alphaThreshold = 0.5) =>
        new(this, new PreprocessSpec { ResizeShorterSide = cropSize, CropSize = cropSize }, alphaThreshold);

    public void Dispose() => Disposed = true;
}
