using Npa.Trainer.Evaluation;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class ExperimentReport_Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-report-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static ExperimentResult Result(string variant, int seed, double accuracy, int relabels, double? precision) => new(
        variant, seed, accuracy,
        new TrainingOutcome
        {
            Winner = "teacher", BestValAccuracy = accuracy, ValAccuracyStudent = accuracy - 0.01, ValAccuracyTeacher = accuracy,
            Branches = ["resnet18", "efficientnet_v2_t"], RelabelTotal = relabels, SecondsPerEpoch = 2, PeakWorkingSetMb = 900,
        },
        [new EpochMetrics { Epoch = 1 }, new EpochMetrics { Epoch = 2, RelabelCount = relabels, RelabelPrecision = precision }]);

    [Fact]
    public void Report_Has_Mean_And_Std_Per_Configuration_And_The_Relabel_Figure()
    {
        var config = new TrainConfig { Name = "test" };
        var results = new[]
        {
            Result("hsn", 1, 0.80, 4, 0.75), Result("hsn", 2, 0.82, 6, 1.0),
            Result("single-a", 1, 0.70, 0, null), Result("single-a", 2, 0.70, 0, null),
        };
        string md = ExperimentReport.Write(dir, config, results);
        // HSN: (80 + 82)/2 = 81, sample std √2 = 1.41; relabel precision weighted by count: (0.75·4 + 1·6)/10 = 90 %
        Assert.Contains("| HSN (EMA + rectification + RR) | resnet18 + efficientnet_v2_t | 2 | 81.00 ± 1.41 |", md, StringComparison.Ordinal);
        Assert.Contains("| 5.0 | 90.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| Branch A of HSN (ablation: α, RR, EMA, rectification) | resnet18 + efficientnet_v2_t | 2 | 70.00 ± 0.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| Branch A of HSN (ablation: α, RR, EMA, rectification) | ✓ | ✓ | ✓ | ✓ | ✗ | – | 70.00 ± 0.00 |", md, StringComparison.Ordinal);
        Assert.Contains("the validation split with the labels a user has", md, StringComparison.Ordinal);
        Assert.Contains("No run knew its clean labels", md, StringComparison.Ordinal);
        // Fig. 3 table: epoch 2 mean count (4 + 6)/2 = 5, mean precision (75 + 100)/2 = 87.5
        Assert.Contains("| 2 | 5.0 | 87.5 |", md, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir, "relabels.png")).Length > 1000);
        Assert.Equal(md, File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Noise_Columns_And_Alpha_Figure_Come_From_The_Last_Epoch()
    {
        var config = new TrainConfig { Name = "test" };
        static ExperimentResult Noisy(string variant, int seed, double auc, double low, double recall, int broken, double noisyLoss) =>
            Result(variant, seed, 0.8, 3, 0.9) with
            {
                Epochs =
                [
                    new EpochMetrics { Epoch = 1, NoiseAuc = 0.5, NoisyBaseRate = 0.1, LowGroupNoisyShare = 0.1 },
                    new EpochMetrics
                    {
                        Epoch = 2, NoiseAuc = auc, NoisyBaseRate = 0.1, LowGroupNoisyShare = low, RelabelNetPrecision = 0.75,
                        RelabelRecall = recall, CleanLabelsBroken = broken,
                    },
                ],
                LastEpochAlpha = [new(0.9, false, 0.5), new(0.85, false, 0.7), new(0.3, true, noisyLoss), new(0.8, false, 0.6)],
            };
        var results = new[]
        {
            Noisy("hsn", 1, 0.80, 0.18, 0.4, 2, noisyLoss: 2.0), Noisy("hsn", 2, 0.70, 0.16, 0.2, 4, noisyLoss: 0.65),
            Result("plain-a", 1, 0.75, 0, null), Result("plain-a", 2, 0.77, 0, null),
        };
        string md = ExperimentReport.Write(dir, config, results);
        // Last epoch: AUC (0.8 + 0.7)/2 = 0.75, std 0.071; loss AUC: seed 1's noisy loss tops all three clean ones (1), seed 2's
        // tops two (2/3): 0.833 ± 0.236; L share 17 ± 1.41 %; base 10 %; ratio 1.7 ± 0.14; recall 30 ± 14.14 %; broken 3.0 ± 1.4.
        Assert.Contains("| HSN (EMA + rectification + RR) | 2 | 0.750 ± 0.071 | 0.833 ± 0.236 | 17.00 ± 1.41 | 10.00 ± 0.00 | 1.70 ± 0.14 | 75.00 ± 0.00 | 30.00 ± 14.14 | 3.0 ± 1.4 |",
            md, StringComparison.Ordinal);
        // The plain baseline has no α, no EMA, no rectification and no rank term, and knew no clean labels: no noise row.
        Assert.Contains("| Branch A alone, plain CE (paper's \"ResNet alone\") | ✗ | ✗ | ✗ | ✗ | ✗ | – | 76.00 ± 1.41 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| Branch A alone, plain CE (paper's \"ResNet alone\") | 2 |", md, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir, NoiseReportSection.FigureFile)).Length > 1000);
        Assert.Contains($"]({NoiseReportSection.FigureFile})", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Ece_Columns_Average_The_Measured_Runs_And_Table_III_Names_What_Goes_Beyond_The_Paper()
    {
        var config = new TrainConfig { Name = "test" };
        var results = new[]
        {
            Result("hsn-co-divide", 1, 0.80, 0, null) with { Calibration = new RunCalibration("test", 0.10, 0.02, 1.5, 0.05, 1.2) },
            Result("hsn-co-divide", 2, 0.80, 0, null) with { Calibration = new RunCalibration("test", 0.14, 0.04, 1.7, 0.03, 1.3) },
            Result("hsn-alpha-fusion", 1, 0.80, 0, null),
            Result("co-teaching", 1, 0.80, 0, null),
            Result("co-teaching-hsn", 1, 0.80, 0, null),
        };
        string md = ExperimentReport.Write(dir, config, results);
        // ECE (0.10 + 0.14)/2 = 0.120, std √((0.02² + 0.02²)/1) = 0.028; after T (0.02 + 0.04)/2 = 0.030 ± 0.014;
        // after the noise-aware T (0.05 + 0.03)/2 = 0.040 ± 0.014.
        Assert.Contains("| 0.120 ± 0.028 | 0.030 ± 0.014 | 0.040 ± 0.014 |", md, StringComparison.Ordinal);
        Assert.Contains("| co-teaching, co-divide α, noise-posterior relabel ≥ 0.9, all candidates, calibrated posterior, noise-aware T |", md, StringComparison.Ordinal);
        // A run without its checkpoints has no ECE.
        Assert.Contains("| – | – | – |", md, StringComparison.Ordinal);
        Assert.Contains("| co-divide α, co-divide candidates |", md, StringComparison.Ordinal);
        Assert.Contains("| alpha_weighted fusion |", md, StringComparison.Ordinal);
        // Co-teaching trains plain CE: no α-weighted CE, EMA, rectification or rank term.
        Assert.Contains("forget rate = noise rate) | ✗ | ✗ | ✗ | ✗ | ✓ | co-teaching | 80.00 ± 0.00 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_Of_A_Run_Without_Checkpoints_Is_Unknown_And_A_Saved_One_Is_Read_Back()
    {
        string run = Path.Combine(dir, "run");
        Directory.CreateDirectory(run);
        Assert.Null(RunCalibration.LoadOrCompute(run));
        File.WriteAllText(Path.Combine(run, RunCalibration.FileName), """{ "split": "test", "ece": 0.08, "ece_calibrated": 0.03, "temperature": 1.4 }""");
        Assert.Equal(new RunCalibration("test", 0.08, 0.03, 1.4), RunCalibration.LoadOrCompute(run));
    }

    [Fact]
    public void Unknown_Variant_Lists_The_Known_Ones()
    {
        var e = Assert.Throws<TrainConfigException>(() => ExperimentVariant.Find("triple"));
        Assert.Contains("known: hsn, hsn-no-ema, plain-a, plain-b, single-a, single-b", e.Message, StringComparison.Ordinal);
    }
}
