using Npa.Monitor.Inference;
using Npa.Shared.Packaging;
using Npa.Shared.Preprocessing;

namespace Npa.Monitor.ModelSwap;

/// <summary>A validated model package ready to serve: its engine plus what the rest of the pipeline needs from its manifest.</summary>
public sealed class LoadedModel : IDisposable
{
    public LoadedModel(IInferenceEngine engine, PreprocessSpec preprocess, double alphaThreshold, ModelManifest? manifest = null)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Preprocess = preprocess ?? throw new ArgumentNullException(nameof(preprocess));
        if (preprocess.OutputLength != engine.InputShape.Channels * engine.InputShape.Height * engine.InputShape.Width)
            throw new ArgumentException($"model {engine.ModelId}: preprocessing gives 3x{preprocess.CropSize}x{preprocess.CropSize} but the model takes {engine.InputShape}", nameof(preprocess));
        AlphaThreshold = alphaThreshold;
        Manifest = manifest;
    }

    /// <summary>The package's manifest (its hash and validation metrics); null for an engine that has none.</summary>
    public ModelManifest? Manifest { get; }

    public IInferenceEngine Engine { get; }

    /// <summary>How crops are turned into model input for this package.</summary>
    public PreprocessSpec Preprocess { get; }

    /// <summary>The manifest's α threshold between groups H and L (default for the low-α flag).</summary>
    public double AlphaThreshold { get; }

    public string ModelId => Engine.ModelId;

    public void Dispose() => Engine.Dispose();
}
