using Npa.Shared.Datasets;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class NoisePosterior_Tests
{
    private static readonly double[][] Three =
    [
        [0.8, 0.15, 0.05],
        [0.1, 0.8, 0.1],
        [0.05, 0.15, 0.8],
    ];

    [Fact]
    public void Posterior_Weighs_The_Prediction_By_The_Chance_Of_The_Given_Label()
    {
        // p = (0.2, 0.5, 0.3), given 0: (0.2·0.8, 0.5·0.1, 0.3·0.05) = (0.16, 0.05, 0.015), over 0.225.
        double[] post = NoisePosterior.Of([0.2f, 0.5f, 0.3f], 0, Three);
        Assert.Equal(0.16 / 0.225, post[0], 6);
        Assert.Equal(0.05 / 0.225, post[1], 6);
        Assert.Equal(0.015 / 0.225, post[2], 6);
    }

    [Fact]
    public void A_Given_Label_No_Class_Can_Produce_Falls_Back_To_The_Prediction()
    {
        Assert.Equal(new[] { 1.0, 0.0 }, NoisePosterior.Of([0.25f, 0.75f], 0, [[1, 0], [0, 1]]));
        Assert.Equal(new[] { 0.25, 0.75 }, NoisePosterior.Of([0.25f, 0.75f], 0, [[0, 1], [0, 1]]));
    }

    [Fact]
    public void Mismatched_Shapes_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => NoisePosterior.Of([0.5f, 0.5f], 0, Three));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoisePosterior.Of([0.2f, 0.5f, 0.3f], 3, Three));
    }

    private static readonly string[] Paths = ["a.png", "b.png"];

    private static LabelRectifier Posterior(double? threshold = null) => new(
        new RelabelOptions { StartEpoch = 1, Rule = RelabelOptions.NoisePosteriorRule, PosteriorThreshold = threshold }, 10, LabelNoise.PaperTransition(0.2));

    private static IReadOnlyList<IReadOnlyList<float[]>> Both(float[] p) => [new[] { p, p }, new[] { p, p }];

    // Given 0, predicted 3 at 0.95 and 0 at 0.001. Under Eq. 9 at 0.2, T[k][0] is 0.8 for k = 0, 0.2/6 for k = 1, 2, 3
    // (ε = 1, 2, 3 with both signs fitting), 0 beyond: the posterior of 3 is 0.95/30 / (0.0008 + 2·0.008167/30 + 0.95/30) = 0.959.
    private static readonly float[] FarAndSure = [0.001f, 0.049f / 6, 0.049f / 6, 0.95f, 0.049f / 6, 0.049f / 6, 0.049f / 6, 0.049f / 6];

    [Fact]
    public void A_Label_Far_From_A_Confident_Prediction_Is_Replaced()
    {
        var labels = new LabelStore([0, 0], [3, 3]);
        var events = Posterior().Apply(1, [0, 1], [true, true], Both(FarAndSure), labels, Paths);
        Assert.Equal(2, events.Count);
        Assert.Equal(0.95 / 30 / (0.0008 + 2 * 0.049 / 6 / 30 + 0.95 / 30), events[0].PCom, 4);
        Assert.Equal([3, 3], labels.Current);
        Assert.True(events[0].Correct);
    }

    [Fact]
    public void Ninety_Percent_Confidence_Is_Not_Enough_Against_A_Label_Three_Away()
    {
        // p = 0.9 on 3 and 0.1/7 elsewhere: posterior of 3 = 0.03 / (0.0143·0.8 + 2·0.0143/30 + 0.03) = 0.708 < 0.9.
        float other = 0.1f / 7;
        float[] p = [other, other, other, 0.9f, other, other, other, other];
        var labels = new LabelStore([0, 0], [3, 3]);
        Assert.Empty(Posterior().Apply(1, [0, 1], [true, true], Both(p), labels, Paths));
        Assert.Single(Posterior(threshold: 0.7).Apply(1, [0], [true], [new[] { p }, new[] { p }], labels, Paths));
    }

    [Fact]
    public void A_Prediction_That_Eqs_5_To_7_Would_Follow_Is_Not_Enough_Against_The_Prior()
    {
        // 0.7 on class 1 against given 0: Eqs. 5–7 relabel (margin 0.6, P_com 0.7 ≥ 0.4), but the label was right with
        // prior 0.8, and the posterior of 1 is 0.7·0.0333 / (0.2·0.8 + 0.7·0.0333 + …) < 0.9.
        float[] p = [0.2f, 0.7f, 0.1f, 0, 0, 0, 0, 0];
        var eqs = new LabelRectifier(new RelabelOptions { StartEpoch = 1 }, 10).Apply(1, [0, 1], [true, true], Both(p), new LabelStore([0, 0], [1, 1]), Paths);
        Assert.Equal(2, eqs.Count);
        var labels = new LabelStore([0, 0], [1, 1]);
        Assert.Empty(Posterior().Apply(1, [0, 1], [true, true], Both(p), labels, Paths));
        Assert.Equal([0, 0], labels.Current);
    }

    [Fact]
    public void Branches_Whose_Posteriors_Disagree_Keep_The_Label()
    {
        float[] three = FarAndSure;
        float[] two = [0.001f, 0.049f / 6, 0.95f, 0.049f / 6, 0.049f / 6, 0.049f / 6, 0.049f / 6, 0.049f / 6];
        var labels = new LabelStore([0, 0], [3, 3]);
        Assert.Empty(Posterior().Apply(1, [0, 1], [true, true], [new[] { three, three }, new[] { two, two }], labels, Paths));
    }

    [Fact]
    public void The_Rule_Judges_The_Label_As_Given_Not_The_Current_One()
    {
        // Sample 0 was already moved to 3: the rule, still reading the given 0, confirms 3 and logs no new event.
        var labels = new LabelStore([0, 0], [3, 3]);
        labels.Set(0, 3);
        var e = Assert.Single(Posterior().Apply(1, [0, 1], [true, true], Both(FarAndSure), labels, Paths));
        Assert.Equal(1, e.Sample);
    }

    [Fact]
    public void The_Rule_Needs_A_Noise_Model()
    {
        var options = new RelabelOptions { Rule = RelabelOptions.NoisePosteriorRule };
        Assert.Throws<ArgumentNullException>(() => new LabelRectifier(options, 10));
    }
}
