using System.Text.Json.Serialization;

namespace Npa.Shared.Preprocessing;

/// <summary>One value per colour channel, always named by colour so that the model's channel order cannot mix them up.</summary>
public readonly record struct RgbValues(float R, float G, float B)
{
    /// <summary>The value of the plane at <paramref name="plane"/> (0..2) of an input in <paramref name="order"/>.</summary>
    public float ForPlane(ChannelOrder order, int plane) => (order, plane) switch
    {
        (_, 1) => G,
        (ChannelOrder.Rgb, 0) or (ChannelOrder.Bgr, 2) => R,
        (ChannelOrder.Rgb, 2) or (ChannelOrder.Bgr, 0) => B,
        _ => throw new ArgumentOutOfRangeException(nameof(plane), plane, "plane must be 0, 1 or 2"),
    };

    /// <summary>True when all three values are finite.</summary>
    [JsonIgnore]
    public bool IsFinite => float.IsFinite(R) && float.IsFinite(G) && float.IsFinite(B);

    /// <inheritdoc/>
    public override string ToString() => $"(R {R}, G {G}, B {B})";
}
