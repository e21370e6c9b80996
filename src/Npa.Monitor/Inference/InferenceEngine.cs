using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Inference;

/// <summary>
/// Runs a model package with ONNX Runtime. <see cref="Run"/> is thread-safe: calls are serialized by a lock, because
/// the per-batch-size buffers are shared; callers batch crops across beds instead of calling in parallel.
/// Single-branch packages give ProbabilitiesB = ProbabilitiesA, AlphaB = 1 (so AlphaFused = α_a) and BranchesAgree = true.
/// The manifest's temperature calibrates every probability it returns.
/// </summary>
public sealed class InferenceEngine : IInferenceEngine
{
    private static readonly int[] AlphaShape = [1];
    private readonly object gate = new();
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly Dictionary<int, BatchBuffers> scoreBuffers = [];
    private readonly Dictionary<int, BatchBuffers> camBuffers = [];
    private readonly int[] inputShape;
    private readonly int classes;
    private readonly int branches;
    private readonly int maxBatch;
    private readonly double temperature;
    private readonly string? fusion;
    private bool disposed;

    /// <summary>Loads and validates a package (folder or .zip); throws <see cref="ModelPackageException"/> with the reason when refused.</summary>
    public InferenceEngine(string packagePath, InferenceEngineOptions options, ILogger<InferenceEngine> logger)
        : this(ModelPackage.Load(packagePath), options, logger) { }

    public InferenceEngine(ModelPackage package, InferenceEngineOptions options, ILogger<InferenceEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Package = package;
        ModelId = package.ModelId;
        (session, Provider) = OrtSessionFactory.Create(package.Onnx, options, logger, ModelId);
        try
        {
            FeatureShapes = OutputContract.Verify(session, package.Manifest, ModelId);
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
        inputShape = [.. package.Manifest.InputSize];
        classes = package.Manifest.Classes.Count;
        branches = package.Manifest.Branches.Count;
        maxBatch = options.MaxBatchSize;
        temperature = package.Manifest.Temperature;
        fusion = package.Manifest.Fusion;
        if (fusion is not null and not FusionRule.Mean)
            logger.LogInformation("inference: model {ModelId} fuses its branches by {Fusion}", ModelId, fusion);
        if (temperature != 1)
            logger.LogInformation("inference: model {ModelId} calibrates its probabilities with temperature {Temperature:F3}", ModelId, temperature);
    }

    public string ModelId { get; }

    public ModelPackage Package { get; }

    /// <summary>"cuda" or "cpu": where the session actually runs.</summary>
    public string Provider { get; }

    /// <summary>Per-sample [C,h,w] of each feature output (empty when the package has none).</summary>
    public IReadOnlyDictionary<string, int[]> FeatureShapes { get; }

    public (int Channels, int Height, int Width) InputShape => (inputShape[0], inputShape[1], inputShape[2]);

    public IReadOnlyList<InferenceResult> Run(ReadOnlySpan<float> inputs, int count)
    {
        int per = CheckInputs(inputs, count);
        var results = new List<InferenceResult>(count);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            for (int start = 0; start < count; start += maxBatch)
            {
                int n = Math.Min(maxBatch, count - start);
                var buffers = RunBatch(scoreBuffers, inputs.Slice(start * per, n * per), n, withFeatures: false);
                for (int i = 0; i < n; i++) results.Add(ResultMath.Build(buffers.Outputs, i, classes, branches, ModelId, temperature, fusion));
            }
        }
        return results;
    }

    /// <summary>Runs one crop and returns its result with each branch's feature maps (copied), for CAM.</summary>
    public (InferenceResult Result, IReadOnlyList<float[]> Features) RunWithFeatures(ReadOnlySpan<float> crop)
    {
        CheckInputs(crop, 1);
        if (FeatureShapes.Count == 0) throw new InvalidOperationException($"model {ModelId} has no feature outputs, so it cannot draw activation maps");
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var buffers = RunBatch(camBuffers, crop, 1, withFeatures: true);
            var features = FeatureNames().Select(name => (float[])buffers.Outputs[name].Clone()).ToList();
            return (ResultMath.Build(buffers.Outputs, 0, classes, branches, ModelId, temperature, fusion), features);
        }
    }

    /// <summary>Feature output names in branch order (features_a, features_b).</summary>
    public IReadOnlyList<string> FeatureNames() => [.. FeatureShapes.Keys.Order(StringComparer.Ordinal)];

    private int CheckInputs(ReadOnlySpan<float> inputs, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int per = inputShape[0] * inputShape[1] * inputShape[2];
        if (inputs.Length != count * per)
            throw new ArgumentException($"{count} crops of [{string.Join(',', inputShape)}] need {count * per} floats, got {inputs.Length}", nameof(inputs));
        return per;
    }

    private BatchBuffers RunBatch(Dictionary<int, BatchBuffers> cache, ReadOnlySpan<float> inputs, int n, bool withFeatures)
    {
        if (!cache.TryGetValue(n, out var buffers))
        {
            var outputs = ScoreOutputs().Select(name => (name, ModelOutputNames.IsAlpha(name) ? AlphaShape : [classes])).ToList();
            if (withFeatures) outputs.AddRange(FeatureNames().Select(name => (name, FeatureShapes[name])));
            buffers = new BatchBuffers(n, inputShape, outputs);
            cache[n] = buffers;
        }
        inputs.CopyTo(buffers.Input);
        session.Run(runOptions, [ModelOutputNames.Input], [buffers.InputValue], buffers.OutputNames, buffers.OutputValues);
        return buffers;
    }

    private IEnumerable<string> ScoreOutputs() =>
        Package.Manifest.Outputs.Where(o => !ModelOutputNames.IsFeatures(o));

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            foreach (var b in scoreBuffers.Values.Concat(camBuffers.Values)) b.Dispose();
            session.Dispose();
            runOptions.Dispose();
        }
    }
}
