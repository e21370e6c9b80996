using Npa.Monitor.Models;

namespace Npa.Monitor.Tests.Models;

public class PairedBootstrap_Tests
{
    private static readonly GateSettings Settings = new() { Resamples = 500, Seed = 3 };

    // 10 images: labels 0..7 then two more severe; a model right on 8 of them and on 4 of the 5 severe.
    private static List<GateSample> Good() =>
    [
        new(0, 0, 0.2), new(1, 1, 1.1), new(2, 2, 2.0), new(3, 3, 3.3), new(4, 4, 4.0),
        new(5, 5, 5.0), new(6, 6, 6.2), new(7, 6, 6.5), new(5, 5, 5.1), new(6, 2, 2.5),
    ];

    private static GateComparison Of(IReadOnlyList<GateComparison> all, GateMetric metric) => all.Single(c => c.Metric == metric);

    [Fact]
    public void Identical_Models_Differ_By_Exactly_Zero_And_Pass()
    {
        var result = PairedBootstrap.Compare(Good(), Good(), Settings);
        Assert.Equal(3, result.Count);
        foreach (var c in result)
        {
            Assert.Equal(0.0, c.Difference);
            Assert.Equal(0.0, c.Lower);
            Assert.Equal(0.0, c.Upper);
            Assert.True(c.Passed, c.Metric.ToString());
        }
        Assert.Equal(0.8, Of(result, GateMetric.Accuracy).Serving, 12);
        Assert.Equal((0.2 + 0.1 + 0 + 0.3 + 0 + 0 + 0.2 + 0.5 + 0.1 + 3.5) / 10, Of(result, GateMetric.Mae).Serving, 12);
        Assert.Equal(4.0 / 5, Of(result, GateMetric.SevereRecall).Serving, 12);
    }

    [Fact]
    public void A_Candidate_Wrong_On_Every_Sample_Is_Refused_On_Every_Metric()
    {
        var wrong = Good().Select(s => s with { Level = s.Label >= 4 ? 0 : 7, ExpectedScore = s.Label >= 4 ? 0 : 7 }).ToList();
        var result = PairedBootstrap.Compare(wrong, Good(), Settings);
        Assert.All(result, c => Assert.False(c.Passed, c.Metric.ToString()));
        Assert.Equal(0.0, Of(result, GateMetric.Accuracy).Candidate);
        Assert.Equal(-0.8, Of(result, GateMetric.Accuracy).Difference, 12);
        Assert.Equal(-0.8, Of(result, GateMetric.SevereRecall).Difference, 12);
        Assert.True(Of(result, GateMetric.Mae).Lower > 0);
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Interval()
    {
        var better = Good().Select((s, i) => i == 9 ? s with { Level = 6, ExpectedScore = 6 } : s).ToList();
        var a = PairedBootstrap.Compare(better, Good(), Settings);
        var b = PairedBootstrap.Compare(better, Good(), Settings);
        Assert.Equal(a, b);
        Assert.True(Of(a, GateMetric.Accuracy).Lower >= 0);
        Assert.True(Of(a, GateMetric.Accuracy).Passed);
    }

    [Fact]
    public void Margin_Is_Inclusive_At_The_Bound()
    {
        // One image, candidate wrong where serving is right: every resample differs by exactly −1 in accuracy.
        List<GateSample> serving = [new(5, 5, 5)], candidate = [new(5, 4, 5)];
        var atMargin = PairedBootstrap.Compare(candidate, serving, Settings with { MarginAccuracy = 1.0, MarginSevereRecall = 1.0 });
        Assert.True(Of(atMargin, GateMetric.Accuracy).Passed);
        Assert.True(Of(atMargin, GateMetric.SevereRecall).Passed);
        var under = PairedBootstrap.Compare(candidate, serving, Settings with { MarginAccuracy = 0.999, MarginSevereRecall = 0.999 });
        Assert.False(Of(under, GateMetric.Accuracy).Passed);
        Assert.False(Of(under, GateMetric.SevereRecall).Passed);
    }

    [Fact]
    public void Mae_Passes_Up_To_Its_Margin_And_Fails_Past_It()
    {
        List<GateSample> serving = [new(3, 3, 3.0)], candidate = [new(3, 3, 3.5)];
        Assert.True(Of(PairedBootstrap.Compare(candidate, serving, Settings with { MarginMae = 0.5 }), GateMetric.Mae).Passed);
        Assert.False(Of(PairedBootstrap.Compare(candidate, serving, Settings with { MarginMae = 0.49 }), GateMetric.Mae).Passed);
    }

    [Fact]
    public void Sets_Of_Different_Images_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(Good(), Good().Take(9).ToList(), Settings));
        var relabelled = Good().Select((s, i) => i == 0 ? s with { Label = 1 } : s).ToList();
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(relabelled, Good(), Settings));
    }

    [Fact]
    public void Quantile_Interpolates_Between_Order_Statistics()
    {
        double[] sorted = [0, 1, 2, 3, 4];
        Assert.Equal(0.1, PairedBootstrap.Quantile(sorted, 0.025), 12);
        Assert.Equal(3.9, PairedBootstrap.Quantile(sorted, 0.975), 12);
        Assert.Equal(2, PairedBootstrap.Quantile(sorted, 0.5), 12);
    }
}
