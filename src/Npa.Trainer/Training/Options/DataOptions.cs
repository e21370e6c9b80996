using Npa.Shared.Preprocessing;

namespace Npa.Trainer.Training.Options;

/// <summary>Where the images come from, how they are split, preprocessed and (optionally) made noisy.</summary>
public sealed record DataOptions
{
    /// <summary>CSV manifest (path,label,clean_label,subject,split,…). Exactly one of this and <see cref="ImageFolder"/>.</summary>
    public string? Manifest { get; init; }

    /// <summary>Folder with one subfolder per class (named by class name or index).</summary>
    public string? ImageFolder { get; init; }

    /// <summary>Class names; null means NIPS 0..7 (or the subfolder names of an image folder).</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Square network input side in pixels (the center crop).</summary>
    public int ImageSize { get; init; } = 224;

    /// <summary>The shorter side is resized to this before the center crop (256 for 224, as in torchvision).</summary>
    public int ResizeShorter { get; init; } = 256;

    /// <summary>Normalization: <c>imagenet</c> (RGB mean/std on [0,1], the paper's) or <c>mlnet_resnet18</c> (BGR 0–255 minus means).</summary>
    public string Normalization { get; init; } = "imagenet";

    /// <summary>Fraction of each class held out for validation when the manifest has no split column.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Fraction of each class held out for test when the manifest has no split column.</summary>
    public double TestFraction { get; init; }

    /// <summary>Label noise injected into the training split: <c>eq9</c> (paper), <c>symmetric</c> or <c>none</c>.</summary>
    public string Noise { get; init; } = "eq9";

    /// <summary>Fraction of each class whose label the noise changes.</summary>
    public double NoiseRate { get; init; } = 0.1;

    /// <summary>
    /// Beyond the paper (issue 11): the share of labels believed wrong, for the noise-aware relabel rule and temperature
    /// fit. Null: <see cref="NoiseRate"/> when noise is injected (the rate is then known, as Co-teaching assumes), else 0.
    /// The noise is modelled as Eq. 9 (ŷ = y ± ε), or as symmetric where <see cref="Noise"/> injects symmetric noise.
    /// </summary>
    public double? AssumedNoiseRate { get; init; }

    /// <summary>The rate the noise-aware rules assume (<see cref="AssumedNoiseRate"/>, else the injected rate).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double EffectiveNoiseRate => AssumedNoiseRate ?? (Noise == "none" ? 0 : NoiseRate);

    /// <summary>
    /// The assumed noise model as <c>T[clean][given]</c> over <paramref name="classCount"/> classes, or null when the
    /// assumed rate is 0 (then no label is believed wrong and the noise-aware rules have nothing to weigh).
    /// </summary>
    public double[][]? NoiseTransition(int classCount)
    {
        double rate = EffectiveNoiseRate;
        if (!(rate > 0)) return null;
        return Noise == "symmetric"
            ? Npa.Shared.Datasets.LabelNoise.SymmetricTransition(rate, classCount)
            : Npa.Shared.Datasets.LabelNoise.PaperTransition(rate, classCount);
    }

    /// <summary>Horizontal-flip augmentation with probability 0.5.</summary>
    public bool HorizontalFlip { get; init; } = true;

    /// <summary>The Npa.Shared preprocessing these options describe.</summary>
    public PreprocessSpec ToPreprocessSpec() =>
        (Normalization == "mlnet_resnet18" ? PreprocessSpec.DnnResNet18 : PreprocessSpec.ImageNet) with
        {
            ResizeShorterSide = ResizeShorter,
            CropSize = ImageSize,
        };

    internal void Validate(OptionErrors errors)
    {
        errors.Require(Manifest is null || ImageFolder is null, "data", "give either manifest or image_folder, not both");
        errors.InRange(ImageSize, 16, 1024, "data.image_size");
        errors.Require(ResizeShorter >= ImageSize, "data.resize_shorter", $"must be >= image_size ({ImageSize}), got {ResizeShorter}");
        errors.InRange(ValidationFraction, 0, 0.9, "data.validation_fraction");
        errors.InRange(TestFraction, 0, 0.9, "data.test_fraction");
        errors.Require(ValidationFraction + TestFraction < 1, "data", "validation_fraction + test_fraction must be below 1");
        errors.Require(Noise is "eq9" or "symmetric" or "none", "data.noise", $"must be eq9, symmetric or none, got '{Noise}'");
        errors.InRange(NoiseRate, 0, 1, "data.noise_rate");
        if (AssumedNoiseRate is double assumed) errors.Require(assumed >= 0 && assumed < 1, "data.assumed_noise_rate", $"must be in [0, 1), got {assumed}");
        errors.Require(Normalization is "imagenet" or "mlnet_resnet18", "data.normalization",
            $"must be imagenet or mlnet_resnet18, got '{Normalization}'");
        errors.Require(ClassNames is null || ClassNames.Count >= 2, "data.class_names", "needs at least 2 classes");
        errors.Require(ClassNames is null || ClassNames.Distinct(StringComparer.Ordinal).Count() == ClassNames.Count,
            "data.class_names", "names must be distinct");
    }
}
