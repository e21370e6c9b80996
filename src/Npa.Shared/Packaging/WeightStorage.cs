using System.Text.Json.Serialization;

namespace Npa.Shared.Packaging;

/// <summary>How model.onnx stores its large float initializers; ONNX Runtime computes in FP32 either way.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WeightStorage>))]
public enum WeightStorage
{
    /// <summary>FLOAT tensors, as computed.</summary>
    [JsonStringEnumMemberName("fp32")]
    Fp32,

    /// <summary>Conv and Gemm weights and biases as FLOAT16 tensors, each behind a Cast to FLOAT that ONNX Runtime folds at load.</summary>
    [JsonStringEnumMemberName("fp16")]
    Fp16,
}
