using Npa.Shared.Datasets;
using Npa.Trainer.Data;
using Npa.Trainer.Models;
using Npa.Trainer.Training.Options;
using static TorchSharp.torch;

namespace Npa.Trainer.Calibration;

/// <summary>
/// A run's selection rows (the data.csv rows with split = val_clean when the manifest marked a trusted subset, else
/// split = val), their images loaded once and preprocessed as the run's config says.
/// </summary>
public sealed class ValidationSet
{
    /// <summary>The split name fits record when the run has no trusted subset.</summary>
    public const string Split = "val";

    private ValidationSet(IReadOnlyList<DatasetEntry> entries, BatchBuilder images, int batchSize, int size, string splitName)
    {
        SplitName = splitName;
        Entries = entries;
        Images = images;
        BatchSize = batchSize;
        InputSize = size;
    }

    public IReadOnlyList<DatasetEntry> Entries { get; }

    /// <summary>The rows' split as the manifest spells it: <c>val</c>, or <c>val_clean</c> for a trusted subset.</summary>
    public string SplitName { get; }

    /// <summary>The labels as the user has them (the <c>label</c> column, never <c>clean_label</c>).</summary>
    public IReadOnlyList<int> Labels => [.. Entries.Select(e => e.Label)];

    public BatchBuilder Images { get; }

    /// <summary>The run's batch size.</summary>
    public int BatchSize { get; }

    /// <summary>The run's fusion rule (model.fusion; null: the mean).</summary>
    public string? Fusion { get; init; }

    /// <summary>
    /// The assumed label-noise model T[clean][given] that the temperature is fitted through (model.temperature_fit =
    /// noise_aware), or null to fit on the labels as given. Never set for a trusted val_clean subset.
    /// </summary>
    public IReadOnlyList<double[]>? NoiseModel { get; init; }

    /// <summary>Square input side in pixels.</summary>
    public int InputSize { get; }

    /// <summary>Loads the selection rows of <paramref name="runFolder"/>/data.csv (as training selected on); null when it has no such file or rows.</summary>
    public static ValidationSet? Load(string runFolder, TrainConfig config, int classCount, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        ArgumentNullException.ThrowIfNull(config);
        string csv = Path.Combine(runFolder, "data.csv");
        if (!File.Exists(csv)) return null;
        var rows = DatasetManifestReader.Read(csv, new DatasetManifestOptions { ClassCount = classCount });
        DatasetSplit split = rows.Any(e => e.Split == DatasetSplit.ValidationClean) ? DatasetSplit.ValidationClean : DatasetSplit.Validation;
        DatasetEntry[] entries = [.. rows.Where(e => e.Split == split)];
        if (entries.Length == 0) return null;
        var missing = entries.FirstOrDefault(e => !File.Exists(e.Path));
        if (missing is not null)
            throw new FileNotFoundException($"image not found: {missing.Path} (export predicts the run's validation images to calibrate "
                + "and to check fp16 weights; export with --temperature none and --weights fp32 to skip both)", missing.Path);
        var spec = config.Data.ToPreprocessSpec();
        var images = new BatchBuilder(ImageCache.Load([.. entries.Select(e => e.Path)], spec, ct), spec);
        return new ValidationSet(entries, images, config.Optim.BatchSize, spec.CropSize, DatasetManifestColumns.SplitName(split))
        {
            Fusion = config.Model.Fusion,
            NoiseModel = config.Model.IsNoiseAwareTemperatureFit && split != DatasetSplit.ValidationClean ? config.Data.NoiseTransition(classCount) : null,
        };
    }

    /// <summary>Each branch's logits and α on every validation image (one no-grad pass).</summary>
    public NetworkLogits Predict(SiameseNetwork network) =>
        LogitCollector.Run(network, Images, [.. Enumerable.Range(0, Entries.Count)], BatchSize, CPU) with { Fusion = Fusion };

    /// <summary>The normalised input batches [n,3,S,S] as plain floats (for ONNX Runtime).</summary>
    public IEnumerable<(float[] Data, int Count)> InputBatches()
    {
        for (int start = 0; start < Entries.Count; start += BatchSize)
        {
            int n = Math.Min(BatchSize, Entries.Count - start);
            using var batch = Images.Build([.. Enumerable.Range(start, n)], null, CPU);
            yield return (batch.data<float>().ToArray(), n);
        }
    }
}
