using System.Globalization;
using Npa.Shared.Datasets;
using Npa.Shared.Nips;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Data;

/// <summary>Loads a manifest or image folder, splits it when needed, and injects seeded label noise into the training split.</summary>
public static class DataPreparation
{
    /// <summary>Default class names: NIPS 0..7.</summary>
    public static IReadOnlyList<string> NipsClassNames { get; } =
        Enumerable.Range(0, NipsScale.ClassCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Prepares the data. The clean label of a training or validation sample is the manifest's clean_label where present,
    /// else its label before noise; the noise is drawn from <paramref name="seed"/>. A manifest whose training labels already
    /// differ from its clean labels (e.g. <c>npa-train synth --noise Paper</c>) is taken as it is: noise is never stacked on
    /// noise. Injected noise reaches the validation split too, because a user's validation labels are as noisy as the
    /// training ones, and selection must see what a user sees. Rows with split <c>val_clean</c> form the trusted subset.
    /// </summary>
    public static PreparedData Prepare(DataOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<DatasetEntry> entries;
        IReadOnlyList<string> classNames;
        if (options.Manifest is not null)
        {
            classNames = options.ClassNames ?? NipsClassNames;
            entries = DatasetManifestReader.Read(options.Manifest, new DatasetManifestOptions { ClassCount = classNames.Count });
        }
        else if (options.ImageFolder is not null)
        {
            (entries, classNames) = ImageFolderReader.Read(options.ImageFolder, options.ClassNames);
        }
        else
        {
            throw new TrainConfigException("no data: set data.manifest or data.image_folder (or pass --data)");
        }
        if (entries.Count == 0) throw new TrainConfigException("the data set is empty");
        if (entries.All(e => e.Split is null))
            entries = StratifiedSplitter.Split(entries, options.ValidationFraction, options.TestFraction, seed);
        else if (entries.Any(e => e.Split is null))
            throw new TrainConfigException("the manifest gives a split for some rows but not all; give it for every row or for none");
        else if (entries.All(e => e.Split != DatasetSplit.Validation))
            entries = ValidationCarver.Carve(entries, options.ValidationFraction, seed);
        var train = entries.Where(e => e.Split == DatasetSplit.Train).Select(e => e with { CleanLabel = e.CleanLabel ?? e.Label }).ToArray();
        if (train.Length < 2) throw new TrainConfigException($"the training split holds {train.Length} samples; at least 2 are needed");
        var validation = entries.Where(e => e.Split == DatasetSplit.Validation).Select(e => e with { CleanLabel = e.CleanLabel ?? e.Label }).ToArray();
        var trusted = entries.Where(e => e.Split == DatasetSplit.ValidationClean).ToArray();
        var test = entries.Where(e => e.Split == DatasetSplit.Test).ToArray();
        int noisy = train.Count(e => e.Label != e.CleanLabel);
        string source = noisy > 0 ? "manifest" : "none";
        if (noisy == 0 && options.Noise != "none" && options.NoiseRate > 0)
        {
            train = Inject(train, options, seed, classNames.Count, out noisy);
            // Its own stream, so that adding validation noise leaves the training noise of a seed as it was.
            validation = Inject(validation, options, unchecked(seed + ValidationNoiseSeedOffset), classNames.Count, out _);
            source = "injected";
        }
        return new PreparedData(classNames, train, validation, test, noisy, source) { TrustedValidation = trusted };
    }

    private const int ValidationNoiseSeedOffset = 7_919;

    private static DatasetEntry[] Inject(DatasetEntry[] entries, DataOptions options, int seed, int classCount, out int flipped)
    {
        flipped = 0;
        if (entries.Length == 0) return entries;
        var labels = entries.Select(e => e.Label).ToArray();
        var result = options.Noise == "eq9"
            ? LabelNoise.AddPaperNoise(labels, seed, options.NoiseRate, classCount)
            : LabelNoise.AddSymmetricNoise(labels, seed, options.NoiseRate, classCount);
        flipped = result.FlippedIndices.Count;
        return entries.Select((e, i) => e with { Label = result.NoisyLabels[i] }).ToArray();
    }
}
