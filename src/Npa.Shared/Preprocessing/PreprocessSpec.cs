using System.Text.Json.Serialization;

namespace Npa.Shared.Preprocessing;

/// <summary>
/// How a face crop becomes model input: resize the shorter side to <see cref="ResizeShorterSide"/> (OpenCV
/// <c>INTER_LINEAR</c>, done by Capture/Trainer, since Shared has no OpenCV), centre-crop <see cref="CropSize"/>, then
/// normalize into CHW float32 (<see cref="Normalize"/>). Trainer and Monitor both use this, so they cannot drift apart.
/// </summary>
public sealed partial record PreprocessSpec
{
    /// <summary>The paper's preprocessing: 256 → 224, RGB, ImageNet mean/std on [0,1] values.</summary>
    public static PreprocessSpec ImageNet { get; } = new();

    /// <summary>Input of the ML.NET ResNet18 import: BGR, 0–255 minus per-channel means (B 103.06, G 115.90, R 123.15), no std.</summary>
    public static PreprocessSpec DnnResNet18 { get; } = new()
    {
        ChannelOrder = ChannelOrder.Bgr,
        Normalization = NormalizationMode.RawMeanSubtraction,
        Mean = new RgbValues(123.15f, 115.90f, 103.06f),
        Std = null,
    };

    /// <summary>Shorter side after resizing, in pixels (default 256).</summary>
    public int ResizeShorterSide { get; init; } = 256;

    /// <summary>Side of the square centre crop, the model's H and W (default 224).</summary>
    public int CropSize { get; init; } = 224;

    /// <summary>Plane order of the model input.</summary>
    public ChannelOrder ChannelOrder { get; init; } = ChannelOrder.Rgb;

    /// <summary>How pixel values are scaled and shifted.</summary>
    public NormalizationMode Normalization { get; init; } = NormalizationMode.ScaledMeanStd;

    /// <summary>Per-channel mean, on the scale the mode works in ([0,1] or 0–255).</summary>
    public RgbValues Mean { get; init; } = new(0.485f, 0.456f, 0.406f);

    /// <summary>Per-channel standard deviation; required by <see cref="NormalizationMode.ScaledMeanStd"/>, absent otherwise.</summary>
    public RgbValues? Std { get; init; } = new RgbValues(0.229f, 0.224f, 0.225f);

    /// <summary>Number of floats one image takes: 3 × CropSize × CropSize.</summary>
    [JsonIgnore]
    public int OutputLength => 3 * CropSize * CropSize;

    /// <summary>Everything wrong with the spec, as readable sentences; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CropSize < 1) errors.Add($"crop_size must be at least 1, got {CropSize}");
        if (ResizeShorterSide < CropSize)
            errors.Add($"resize_shorter_side ({ResizeShorterSide}) must be at least crop_size ({CropSize})");
        if (!Enum.IsDefined(ChannelOrder)) errors.Add($"channel_order {(int)ChannelOrder} is not rgb or bgr");
        if (!Mean.IsFinite) errors.Add($"mean {Mean} must be finite");
        switch (Normalization)
        {
            case NormalizationMode.ScaledMeanStd when Std is null:
                errors.Add("std is required for scaled_mean_std normalization");
                break;
            case NormalizationMode.ScaledMeanStd when !(Std.Value.IsFinite && Std.Value.R > 0 && Std.Value.G > 0 && Std.Value.B > 0):
                errors.Add($"std {Std} must be finite and positive");
                break;
            case NormalizationMode.RawMeanSubtraction when Std is not null:
                errors.Add("std must be absent for raw_mean_subtraction normalization (it divides by nothing)");
                break;
            case NormalizationMode.ScaledMeanStd or NormalizationMode.RawMeanSubtraction:
                break;
            default:
                errors.Add($"normalization {(int)Normalization} is not scaled_mean_std or raw_mean_subtraction");
                break;
        }
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the spec is not usable.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ArgumentException("invalid preprocessing spec: " + string.Join("; ", errors));
    }

    /// <summary>
    /// The resize target and centre-crop square for a <paramref name="width"/>×<paramref name="height"/> image, as
    /// torchvision computes them: the long side is truncated (<c>int(S·long/short)</c>) and the crop offset rounded
    /// half to even (Python's <c>round</c>).
    /// </summary>
    public CropGeometry ResizeGeometry(int width, int height)
    {
        ThrowIfInvalid();
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} must be positive");
        int s = ResizeShorterSide;
        (int w, int h) = width <= height
            ? (s, (int)((long)s * height / width))
            : ((int)((long)s * width / height), s);
        return new CropGeometry(w, h, CropOffset(w), CropOffset(h), CropSize);
    }

    private int CropOffset(int resized) => (int)Math.Round((resized - CropSize) / 2.0, MidpointRounding.ToEven);
}
