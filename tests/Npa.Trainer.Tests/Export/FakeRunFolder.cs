using System.Globalization;
using System.Text.Json;
using Npa.Shared.Datasets;
using Npa.Trainer.Calibration;
using Npa.Trainer.Models;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using OpenCvSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Export;

/// <summary>
/// A run folder as TrainingRun leaves it (config.json from configs/train/ci.json, outcome.json, best/*.safetensors), with
/// freshly initialised (randomised) single-branch efficientnet_v2_t networks at 32 px instead of trained ones, and, when
/// asked, a data.csv with images for the validation and test splits.
/// </summary>
internal static class FakeRunFolder
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static (string Run, SiameseNetwork Winner) Create(string root, string winner, bool withTeacher = true)
    {
        string run = Path.Combine(root, "run-" + winner);
        Directory.CreateDirectory(Path.Combine(run, "best"));
        var config = TrainConfig.Load(Path.Combine(OnnxChecker.RepositoryRoot(), "configs", "train", "ci.json"));
        File.WriteAllText(Path.Combine(run, "config.json"), config.ToJson());
        var spec = new NetworkSpec("efficientnet_v2_t", null, InputSize: 32);
        manual_seed(41);
        var student = TinyNets.Randomize(new SiameseNetwork(spec));
        var teacher = TinyNets.Randomize(new SiameseNetwork(spec));
        student.save_safetensors(Path.Combine(run, "best", "student.safetensors"));
        if (withTeacher) teacher.save_safetensors(Path.Combine(run, "best", "teacher.safetensors"));
        var outcome = new TrainingOutcome
        {
            Winner = winner, BestEpoch = 2, BestValAccuracy = 0.75, ValAccuracyStudent = 0.5, ValAccuracyTeacher = withTeacher ? 0.75 : null,
            AlphaThreshold = 0.375, Beta = 0.5, ClassNames = [.. Enumerable.Range(0, 8).Select(i => i.ToString(CultureInfo.InvariantCulture))],
            Branches = ["efficientnet_v2_t"], InputSize = 32, ConfigHash = config.Hash(),
        };
        File.WriteAllText(Path.Combine(run, "outcome.json"), JsonSerializer.Serialize(outcome, Json));
        return (run, winner == "teacher" ? teacher : student);
    }

    /// <summary>
    /// A fake run with <paramref name="validation"/> validation rows whose labels are the winner's own predictions and whose
    /// clean labels are four classes off (so a fit on the labels and one on the clean labels cannot agree), then
    /// <paramref name="test"/> test rows.
    /// </summary>
    public static (string Run, SiameseNetwork Winner, int[] Labels, int[] CleanLabels) CreateWithValidation(string root, int validation, int test = 0)
    {
        var (run, winner) = Create(root, "student");
        var rows = Enumerable.Range(0, validation + test).Select(i => (i < validation ? DatasetSplit.Validation : DatasetSplit.Test, 0, 0)).ToList();
        WriteData(run, rows);
        var config = TrainConfig.Load(Path.Combine(run, "config.json"));
        int[] labels = [.. ValidationSet.Load(run, config, 8)!.Predict(winner).Fused().Select(p => Array.IndexOf(p, p.Max()))];
        int[] clean = [.. labels.Select(p => (p + 4) % 8)];
        WriteData(run, [.. rows.Select((r, i) => (r.Item1, i < validation ? labels[i] : i % 8, i < validation ? clean[i] : i % 8))]);
        return (run, winner, labels, clean);
    }

    /// <summary>Writes one 40×36 image per row (a colour and a bar that vary by row) and data.csv listing them.</summary>
    public static void WriteData(string run, IReadOnlyList<(DatasetSplit Split, int Label, int CleanLabel)> rows)
    {
        string images = Path.Combine(run, "images");
        Directory.CreateDirectory(images);
        var entries = new List<DatasetEntry>();
        for (int i = 0; i < rows.Count; i++)
        {
            var random = new Random(1000 + i);
            string path = Path.Combine(images, $"{i:D3}.png");
            using (var image = new Mat(36, 40, MatType.CV_8UC3, new Scalar(random.Next(256), random.Next(256), random.Next(256))))
            {
                Cv2.Rectangle(image, new Rect(random.Next(20), 4, 8 + random.Next(12), 28), new Scalar(random.Next(256), random.Next(256), random.Next(256)), -1);
                Cv2.ImWrite(path, image);
            }
            entries.Add(new DatasetEntry(path, rows[i].Label) { CleanLabel = rows[i].CleanLabel, Split = rows[i].Split, Subject = $"s{i}" });
        }
        DatasetManifestWriter.Write(Path.Combine(run, "data.csv"), entries);
    }
}
