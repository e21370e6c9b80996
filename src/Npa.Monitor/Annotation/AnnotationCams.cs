using Microsoft.Extensions.Logging;
using Npa.Capture.Cropping;
using Npa.Monitor.Inference;
using Npa.Shared.Preprocessing;
using OpenCvSharp;

namespace Npa.Monitor.Annotation;

/// <summary>
/// Draws each branch's class activation map over a stored crop on request, with a model package given to
/// <c>annotate --model</c>. The flagged-frame store keeps no maps, so they are computed from the crop with the same
/// preprocessing the monitor serves with; the map explains the frame's stored predicted level.
/// </summary>
public sealed class AnnotationCams : IDisposable
{
    private readonly InferenceEngine _engine;
    private readonly ActivationMapper _mapper;
    private readonly PreprocessSpec _preprocess;

    /// <summary>Loads <paramref name="packagePath"/> on the CPU; a package without feature outputs throws <see cref="ModelPackageException"/>.</summary>
    public AnnotationCams(string packagePath, ILogger<InferenceEngine> logger)
    {
        _engine = new InferenceEngine(packagePath, new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 }, logger);
        try
        {
            _mapper = new ActivationMapper(_engine);
        }
        catch
        {
            _engine.Dispose();
            throw;
        }
        _preprocess = _engine.Package.Manifest.Preprocessing;
        Branches = _engine.Package.Manifest.Branches;
    }

    /// <summary>Id of the model that draws the maps.</summary>
    public string ModelId => _engine.ModelId;

    /// <summary>Branch names, in the order of <see cref="Overlay"/>'s index.</summary>
    public IReadOnlyList<string> Branches { get; }

    /// <summary>Branch <paramref name="branch"/>'s map of <paramref name="classIndex"/> over the PNG crop, as PNG, at the crop's size.</summary>
    public byte[] Overlay(byte[] cropPng, int branch, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(cropPng);
        ArgumentOutOfRangeException.ThrowIfNegative(branch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(branch, Branches.Count);
        using var crop = Cv2.ImDecode(cropPng, ImreadModes.Color);
        if (crop.Empty()) throw new ArgumentException("the stored crop does not decode as an image", nameof(cropPng));
        float[] input = CropPreprocessor.Preprocess(crop, _preprocess);
        return _mapper.BranchOverlays(input, crop, classIndex)[branch];
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();
}
