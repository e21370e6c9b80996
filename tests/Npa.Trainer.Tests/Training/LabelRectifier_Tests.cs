using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class LabelRectifier_Tests
{
    private static readonly string[] Paths = ["a.png", "b.png"];

    private static LabelStore Store(int label = 0, int? clean = 1) => new([label, label], [clean, clean]);

    private static LabelRectifier Rectifier(RelabelOptions? options = null) => new(options ?? new RelabelOptions(), 70);

    private static IReadOnlyList<IReadOnlyList<float[]>> Probs(float[] p1, float[] p2) => [new[] { p1, p1 }, new[] { p2, p2 }];

    // Both agree on y = 1; P_com = (0.7 + 0.6)/2 = 0.65 ≥ δ2 = 0.4; margins 0.7 − 0.1 = 0.6 and 0.6 − 0.2 = 0.4 > 0.2.
    private static readonly float[] P1 = [0.1f, 0.7f, 0.2f];
    private static readonly float[] P2 = [0.2f, 0.6f, 0.2f];

    [Fact]
    public void All_Conditions_Met_Relabels_Low_Group_Sample_And_Logs_It()
    {
        var labels = Store();
        var events = Rectifier().Apply(10, [0, 1], [true, false], Probs(P1, P2), labels, Paths);
        var e = Assert.Single(events);
        Assert.Equal((10, 0, 0, 1, true), (e.Epoch, e.Sample, e.Old, e.New, e.Correct));
        Assert.Equal(0.65, e.PCom, 5);
        Assert.Equal(1, labels.Current[0]);
        Assert.Equal(0, labels.Current[1]); // group H is never touched
    }

    [Fact]
    public void Before_Start_Epoch_Nothing_Changes()
    {
        var labels = Store();
        Assert.Empty(Rectifier().Apply(9, [0, 1], [true, true], Probs(P1, P2), labels, Paths));
        Assert.Equal(0, labels.Current[0]);
    }

    [Fact]
    public void Start_Epoch_Is_Configurable()
    {
        var labels = Store();
        Assert.Single(Rectifier(new RelabelOptions { StartEpoch = 3 }).Apply(3, [0, 1], [true, false], Probs(P1, P2), labels, Paths));
    }

    [Fact]
    public void With_A_Validation_Bar_Nothing_Changes_Until_The_Gate_Opens()
    {
        var labels = Store();
        var rectifier = Rectifier(new RelabelOptions { StartEpoch = 1, StartTeacherAccuracy = 0.6 });
        Assert.False(rectifier.IsActive(5));
        Assert.Empty(rectifier.Apply(5, [0, 1], [true, false], Probs(P1, P2), labels, Paths));
        rectifier.OpenGate();
        Assert.True(rectifier.IsActive(5));
        Assert.Single(rectifier.Apply(5, [0, 1], [true, false], Probs(P1, P2), labels, Paths));
    }

    [Fact]
    public void Teachers_Disagreeing_Keeps_The_Label()
    {
        var labels = Store();
        Assert.Empty(Rectifier().Apply(10, [0, 1], [true, true], Probs(P1, [0.2f, 0.2f, 0.6f]), labels, Paths));
    }

    // Both agree on 1 with margins 0.35 − 0.1 = 0.25 > 0.2, but P_com = 0.35 < δ2 = 0.4; with δ2 = 0.3 it passes.
    [Fact]
    public void Pcom_Below_Delta2_Keeps_The_Label()
    {
        float[] p = [0.1f, 0.35f, 0.3f, 0.25f];
        Assert.Empty(Rectifier().Apply(10, [0, 1], [true, true], Probs(p, p), Store(), Paths));
        Assert.Equal(2, Rectifier(new RelabelOptions { Delta2Start = 0.3 }).Apply(10, [0, 1], [true, true], Probs(p, p), Store(), Paths).Count);
    }

    // Branch 2: 0.5 − 0.35 = 0.15 ≤ 0.2 although P_com = 0.6 and both agree.
    [Fact]
    public void Margin_Failing_In_One_Branch_Keeps_The_Label()
    {
        Assert.Empty(Rectifier().Apply(10, [0, 1], [true, true], Probs(P1, [0.35f, 0.5f, 0.15f]), Store(), Paths));
    }

    // Epoch 60 of 70: δ2 = 0.6; P_com = 0.65 passes. Epoch 70: δ2 = 0.8 fails.
    [Fact]
    public void Delta2_Rises_Late_In_Training()
    {
        Assert.Single(Rectifier().Apply(60, [0, 1], [true, false], Probs(P1, P2), Store(), Paths));
        Assert.Empty(Rectifier().Apply(70, [0, 1], [true, false], Probs(P1, P2), Store(), Paths));
    }

    [Fact]
    public void Rectified_Label_Persists_And_Is_The_New_Origin()
    {
        var labels = Store();
        var r = Rectifier();
        Assert.Single(r.Apply(10, [0, 1], [true, false], Probs(P1, P2), labels, Paths));
        // Now y_org = 1 = y_max: margin 0, nothing more to do, and the label stays 1.
        Assert.Empty(r.Apply(11, [0, 1], [true, false], Probs(P1, P2), labels, Paths));
        Assert.Equal(1, labels.Current[0]);
        Assert.Equal(0, labels.Given[0]);
    }

    [Fact]
    public void Off_Switch_Disables_Rectification()
    {
        Assert.Empty(Rectifier(new RelabelOptions { Enabled = false }).Apply(20, [0, 1], [true, true], Probs(P1, P2), Store(), Paths));
    }

    [Fact]
    public void Single_Predictor_Uses_Its_Own_Confidence()
    {
        var labels = Store(clean: 2);
        var e = Assert.Single(Rectifier().Apply(10, [0, 1], [true, false], [new[] { P1, P1 }], labels, Paths));
        Assert.Equal(0.7, e.PCom, 5);
        Assert.False(e.Correct); // clean label 2, new label 1
    }
}
