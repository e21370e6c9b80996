using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Inference;

namespace Npa.Monitor.ModelSwap;

/// <summary>Loads model packages with the ONNX Runtime engine, which validates manifest, hash and output shapes.</summary>
public sealed class PackageEngineFactory(IOptions<InferenceOptions> options, ILoggerFactory loggers) : IInferenceEngineFactory
{
    public LoadedModel Load(string packagePath)
    {
        var o = options.Value;
        var engine = new InferenceEngine(packagePath, new InferenceEngineOptions
        {
            ExecutionProvider = o.ExecutionProvider,
            IntraOpThreads = o.Threads,
            SpinWait = o.SpinWait,
            MaxBatchSize = o.MaxBatchSize,
        }, loggers.CreateLogger<InferenceEngine>());
        try
        {
            var manifest = engine.Package.Manifest;
            return new LoadedModel(engine, manifest.Preprocessing, manifest.AlphaThreshold, manifest);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
