using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Npa.Monitor.Inference;

/// <summary>Creates ONNX Runtime sessions on the configured execution provider (the same code path for CUDA and CPU).</summary>
public static class OrtSessionFactory
{
    /// <summary>Opens a session; returns it with the provider actually used ("cuda" or "cpu").</summary>
    public static (InferenceSession Session, string Provider) Create(ReadOnlyMemory<byte> onnx, InferenceEngineOptions options, ILogger logger, string modelId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        byte[] bytes = onnx.ToArray();
        if (options.ExecutionProvider != ExecutionProvider.Cpu)
        {
            SessionOptions? cuda = null;
            try
            {
                cuda = NewOptions(options);
                cuda.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                var session = Open(bytes, cuda, modelId);
                logger.LogInformation("inference: model {ModelId} runs on CUDA device {Device}", modelId, options.CudaDeviceId);
                return (session, "cuda");
            }
            catch (OnnxRuntimeException ex) when (options.ExecutionProvider == ExecutionProvider.Auto)
            {
                // A failed append can leave the options half-configured; the CPU session gets fresh ones.
                logger.LogWarning("inference: CUDA execution provider not available ({Reason}); model {ModelId} runs on the CPU", FirstLine(ex.Message), modelId);
            }
            catch (OnnxRuntimeException ex)
            {
                throw new ModelPackageException($"execution provider 'cuda' was configured but cannot be used: {FirstLine(ex.Message)}", ex);
            }
            finally
            {
                cuda?.Dispose();
            }
        }
        using var cpu = NewOptions(options);
        var cpuSession = Open(bytes, cpu, modelId);
        if (options.ExecutionProvider == ExecutionProvider.Cpu) logger.LogInformation("inference: model {ModelId} runs on the CPU", modelId);
        return (cpuSession, "cpu");
    }

    private static SessionOptions NewOptions(InferenceEngineOptions options)
    {
        // ORT's graph optimizer warns about each constant it folds away; those warnings say nothing an operator can act on.
        var o = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        if (options.IntraOpThreads > 0) o.IntraOpNumThreads = options.IntraOpThreads;
        o.AddSessionConfigEntry("session.intra_op.allow_spinning", options.SpinWait ? "1" : "0");
        return o;
    }

    private static InferenceSession Open(byte[] bytes, SessionOptions options, string modelId)
    {
        try
        {
            return new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException ex) when (!ex.Message.Contains("CUDA", StringComparison.OrdinalIgnoreCase) && !ex.Message.Contains("shared library", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException($"model {modelId} refused: ONNX Runtime cannot load model.onnx: {FirstLine(ex.Message)}", ex);
        }
    }

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? text : text[..nl]).Trim();
    }
}
