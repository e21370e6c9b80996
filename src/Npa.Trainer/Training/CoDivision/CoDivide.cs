using System.Globalization;
using System.Text;

namespace Npa.Trainer.Training.CoDivision;

/// <summary>
/// Beyond the paper (issue 11, 5b), after DivideMix's co-divide: each branch's per-sample losses of an epoch are split by a
/// two-component mixture into a clean probability, and in the next epoch that probability is the target of the
/// <em>other</em> branch's α, so that each branch's noise estimate is checked by a network with different errors.
/// Each epoch's probabilities are kept in the run folder (<c>co-divide/epoch-NNN.csv</c>), so a resumed run loads the
/// epoch it resumes from and trains as an uninterrupted one.
/// </summary>
public sealed class CoDivide
{
    /// <summary>Folder inside the run folder with one file of clean probabilities per epoch.</summary>
    public const string Folder = "co-divide";

    private readonly string? runFolder;
    private readonly double[][] losses;
    private float[][]? clean;

    /// <summary>Co-divide over <paramref name="samples"/> training images and <paramref name="branches"/> (two) branches.</summary>
    public CoDivide(int samples, int branches, string? runFolder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        if (branches != 2) throw new ArgumentOutOfRangeException(nameof(branches), branches, "co-divide crosses two branches");
        losses = Enumerable.Range(0, branches).Select(_ => Enumerable.Repeat(double.NaN, samples).ToArray()).ToArray();
        this.runFolder = runFolder;
    }

    /// <summary>The file of 1-based <paramref name="epoch"/> under <paramref name="runFolder"/>.</summary>
    public static string EpochFile(string runFolder, int epoch) =>
        Path.Combine(runFolder, Folder, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}.csv"));

    /// <summary>Loads the probabilities that <paramref name="epoch"/> ended with (a resume); a missing file means none.</summary>
    public void Resume(int epoch)
    {
        if (runFolder is null || epoch < 1) return;
        string path = EpochFile(runFolder, epoch);
        if (File.Exists(path)) clean = Read(path, losses[0].Length, losses.Length);
    }

    /// <summary>Whether an epoch has been divided, so that targets exist.</summary>
    public bool HasTargets => clean is not null;

    /// <summary>Records the per-sample loss of each branch for one batch (<paramref name="branchLosses"/>[b][i] for sample <paramref name="batch"/>[i]).</summary>
    public void Record(IReadOnlyList<int> batch, IReadOnlyList<float[]> branchLosses)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(branchLosses);
        if (branchLosses.Count != losses.Length) throw new ArgumentException($"expected {losses.Length} branches, got {branchLosses.Count}");
        for (int b = 0; b < losses.Length; b++)
            for (int i = 0; i < batch.Count; i++) losses[b][batch[i]] = branchLosses[b][i];
    }

    /// <summary>The α target of branch <paramref name="branch"/> for <paramref name="batch"/>: the other branch's clean probabilities.</summary>
    public float[] AlphaTargets(int branch, IReadOnlyList<int> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var probabilities = clean ?? throw new InvalidOperationException("no epoch has been divided yet");
        float[] other = probabilities[1 - branch];
        return batch.Select(i => other[i]).ToArray();
    }

    /// <summary>Per batch item: true when the branches' mean clean probability is below one half (the sample looks mislabelled).</summary>
    public bool[] LooksNoisy(IReadOnlyList<int> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var probabilities = clean ?? throw new InvalidOperationException("no epoch has been divided yet");
        return batch.Select(i => (probabilities[0][i] + probabilities[1][i]) / 2 < 0.5f).ToArray();
    }

    /// <summary>Fits each branch's mixture to 1-based <paramref name="epoch"/>'s losses, replaces the targets, saves them, and starts the next epoch.</summary>
    public void EndEpoch(int epoch)
    {
        var next = new float[losses.Length][];
        for (int b = 0; b < losses.Length; b++)
        {
            double[] seen = losses[b].Where(double.IsFinite).ToArray();
            if (seen.Length < 2) return;
            var mixture = LossMixture.Fit(seen);
            // A sample the epoch did not see (a dropped trailing one) keeps its previous probability, or counts as clean.
            next[b] = losses[b].Select((l, i) => double.IsFinite(l) ? (float)mixture.CleanProbability(l) : clean?[b][i] ?? 1f).ToArray();
            Array.Fill(losses[b], double.NaN);
        }
        clean = next;
        if (runFolder is not null) Write(EpochFile(runFolder, epoch), next);
    }

    private static void Write(string path, float[][] probabilities)
    {
        var text = new StringBuilder("sample,clean_a,clean_b\n");
        for (int i = 0; i < probabilities[0].Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{i},{probabilities[0][i]:R},{probabilities[1][i]:R}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + ".tmp";
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
    }

    private static float[][] Read(string path, int samples, int branches)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length != samples + 1)
            throw new InvalidDataException($"{path}: {lines.Length - 1} samples, the training set has {samples}; delete it to start co-divide afresh");
        var result = Enumerable.Range(0, branches).Select(_ => new float[samples]).ToArray();
        for (int i = 0; i < samples; i++)
        {
            string[] cells = lines[i + 1].Split(',');
            for (int b = 0; b < branches; b++) result[b][i] = float.Parse(cells[b + 1], CultureInfo.InvariantCulture);
        }
        return result;
    }
}
