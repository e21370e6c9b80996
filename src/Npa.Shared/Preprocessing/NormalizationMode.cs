using System.Text.Json.Serialization;

namespace Npa.Shared.Preprocessing;

/// <summary>How 8-bit pixel values become model input values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NormalizationMode>))]
public enum NormalizationMode
{
    /// <summary>x = (v/255 − mean) / std, per channel (torchvision ToTensor + Normalize; ImageNet statistics by default).</summary>
    [JsonStringEnumMemberName("scaled_mean_std")]
    ScaledMeanStd,

    /// <summary>x = v − mean on 0..255 values, no std (the ML.NET ResNet18 import's preprocessing).</summary>
    [JsonStringEnumMemberName("raw_mean_subtraction")]
    RawMeanSubtraction,
}
