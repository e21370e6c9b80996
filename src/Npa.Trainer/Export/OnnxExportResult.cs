using Onnx;

namespace Npa.Trainer.Export;

/// <summary>A written graph plus what the package manifest and the bench need to know about it.</summary>
/// <param name="Model">The ONNX model (ir_version 8, opset 17).</param>
/// <param name="OutputNames">Graph outputs in order.</param>
/// <param name="ClassCount">Width of probs and logits.</param>
/// <param name="FeatureShapes">Per branch, the per-sample [C,h,w] of its features output; null when not exported.</param>
/// <param name="MultiplyAccumulates">Conv and Gemm multiply-accumulates per image.</param>
public sealed record OnnxExportResult(ModelProto Model, IReadOnlyList<string> OutputNames, int ClassCount, IReadOnlyList<IReadOnlyList<long>>? FeatureShapes, long MultiplyAccumulates)
{
    /// <summary>Weight tensors left in FP32 by an FP16 export because a value lay beyond FP16's range (0 for FP32 exports).</summary>
    public int Fp32Fallbacks { get; init; }
}
