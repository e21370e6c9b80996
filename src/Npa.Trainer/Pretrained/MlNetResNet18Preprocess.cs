using Npa.Shared.Preprocessing;
using Onnx;

namespace Npa.Trainer.Pretrained;

/// <summary>Reads the input normalisation of the ML.NET ResNet18 from its ResNetPreprocess.onnx (RGB in, BGR minus a mean image out).</summary>
public static class MlNetResNet18Preprocess
{
    /// <summary>Where the package's build assets put the preprocessing ONNX beside the running program.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>Per-channel averages of the graph's mean image: what a crop of any size subtracts (no std).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The graph holds no [1,3,H,W] float mean image.</exception>
    public static RgbValues ReadChannelMeans(string? onnxPath = null)
    {
        var path = onnxPath ?? DefaultModelPath;
        var model = MlNetOnnxFile.Read(path, "ML.NET ResNet18 preprocessing ONNX");

        var mean = model.Graph.Initializer.FirstOrDefault(t =>
            t.Dims.Count == 4 && t.Dims[0] == 1 && t.Dims[1] == 3 && t.DataType == (int)TensorProto.Types.DataType.Float)
            ?? throw new InvalidDataException($"'{path}' holds no [1,3,H,W] float mean image.");
        var values = mean.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray()
            : [.. mean.FloatData];
        var plane = values.Length / 3;
        // The graph subtracts the mean after reordering to BGR, so plane 0 is blue.
        double Average(int p) => values.AsSpan(p * plane, plane).ToArray().Sum(v => (double)v) / plane;
        return new RgbValues(R: (float)Average(2), G: (float)Average(1), B: (float)Average(0));
    }
}
