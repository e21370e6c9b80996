using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Export;

/// <summary>Copies parameters out of TorchSharp as plain float arrays (the writer folds and stores them).</summary>
internal static class TensorData
{
    public static float[] ToFloats(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    public static double[] ToDoubles(Tensor tensor) => Array.ConvertAll(ToFloats(tensor), v => (double)v);
}
