namespace Npa.Capture.Simulation;

/// <summary>What <see cref="SyntheticDatasetGenerator"/> writes. Call <see cref="Validate"/> before use.</summary>
public sealed record SyntheticDatasetOptions
{
    public required string OutputDirectory { get; init; }

    public int Count { get; init; } = 2000;

    public int Seed { get; init; } = 1;

    /// <summary>Side of the square face crops, in pixels (camera frames: the crop spec's output size sets it).</summary>
    public int ImageSize { get; init; } = 128;

    public ClassDistribution Distribution { get; init; } = ClassDistribution.Uniform;

    /// <summary>Images per neonate; splits are made by subject.</summary>
    public int ImagesPerSubject { get; init; } = 8;

    /// <summary>Share of images (by subject, stratified by class) in the training split; the rest is the test split.</summary>
    public double TrainFraction { get; init; } = 0.7;

    public double OcclusionRate { get; init; } = 0.15;

    public LabelNoiseMode Noise { get; init; } = LabelNoiseMode.Paper;

    /// <summary>Noise rate: per class (Eq. 9), overall (symmetric), or on unoccluded images (occlusion-correlated).</summary>
    public double NoiseFraction { get; init; } = 0.10;

    /// <summary>Noise rate on occluded images for <see cref="LabelNoiseMode.Occlusion"/>.</summary>
    public double OccludedNoiseRate { get; init; } = 0.30;

    /// <summary>Also corrupt the test split's labels; off by default so the test split scores against clean labels.</summary>
    public bool NoisyTestSplit { get; init; }

    /// <summary>Face crops cut around the true box, or full camera frames cut by the bedside capture chain.</summary>
    public SyntheticRender Render { get; init; } = SyntheticRender.FaceCrop;

    /// <summary>Camera frame size for <see cref="SyntheticRender.CameraFrame"/> (the simulated bedside camera's).</summary>
    public int CameraWidth { get; init; } = 640;

    public int CameraHeight { get; init; } = 480;

    /// <summary>The bedside capture settings (detector, crop, quality gate) for <see cref="SyntheticRender.CameraFrame"/>.</summary>
    public Configuration.CaptureOptions Capture { get; init; } = new();

    /// <summary>Images per class row of the contact sheet.</summary>
    public int ContactSheetColumns { get; init; } = 10;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("output directory is empty");
        if (Count is < 1 or > 1_000_000) throw new ArgumentException($"count {Count} must be 1..1000000");
        if (ImageSize is < 32 or > 1024) throw new ArgumentException($"image size {ImageSize} must be 32..1024");
        if (ImagesPerSubject is < 1 or > 1000) throw new ArgumentException($"images per subject {ImagesPerSubject} must be 1..1000");
        if (!(TrainFraction is > 0 and < 1)) throw new ArgumentException($"train fraction {TrainFraction} must lie strictly between 0 and 1");
        if (!(OcclusionRate is >= 0 and <= 1)) throw new ArgumentException($"occlusion rate {OcclusionRate} must be 0..1");
        if (!(NoiseFraction is >= 0 and <= 1)) throw new ArgumentException($"noise fraction {NoiseFraction} must be 0..1");
        if (!(OccludedNoiseRate is >= 0 and <= 1)) throw new ArgumentException($"occluded noise rate {OccludedNoiseRate} must be 0..1");
        if (ContactSheetColumns is < 1 or > 50) throw new ArgumentException($"contact sheet columns {ContactSheetColumns} must be 1..50");
        if (CameraWidth is < 64 or > 4096 || CameraHeight is < 64 or > 4096)
            throw new ArgumentException($"camera size {CameraWidth}x{CameraHeight} must be 64..4096 on each side");
        ArgumentNullException.ThrowIfNull(Distribution);
        ArgumentNullException.ThrowIfNull(Capture);
        string[] capture = Capture.Validate().ToArray();
        if (Render == SyntheticRender.CameraFrame && capture.Length > 0) throw new ArgumentException(string.Join(" ", capture));
    }
}
