using System.Text.Json.Serialization;

namespace Npa.Shared.Preprocessing;

/// <summary>Order of the three colour planes in the model's CHW input.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelOrder>))]
public enum ChannelOrder
{
    /// <summary>Red, green, blue (torchvision models).</summary>
    [JsonStringEnumMemberName("rgb")]
    Rgb,

    /// <summary>Blue, green, red (Caffe/CNTK-era models such as the ML.NET ResNet18 import).</summary>
    [JsonStringEnumMemberName("bgr")]
    Bgr,
}
