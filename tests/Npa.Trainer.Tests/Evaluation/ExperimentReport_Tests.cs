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
        Assert.Contains("| Single branch A | resnet18 + efficientnet_v2_t | 2 | 70.00 ± 0.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| ✓ | ✓ | ✓ | ✗ | 70.00 ± 0.00 |", md, StringComparison.Ordinal);
        // Fig. 3 table: epoch 2 mean count (4 + 6)/2 = 5, mean precision (75 + 100)/2 = 87.5
        Assert.Contains("| 2 | 5.0 | 87.5 |", md, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir, "relabels.png")).Length > 1000);
        Assert.Equal(md, File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Unknown_Variant_Lists_The_Known_Ones()
    {
        var e = Assert.Throws<TrainConfigException>(() => ExperimentVariant.Find("triple"));
        Assert.Contains("known: hsn, hsn-no-ema, single-a, single-b", e.Message, StringComparison.Ordinal);
    }
}
