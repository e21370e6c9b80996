using Npa.Trainer.Evaluation;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class ExperimentVariant_Tests
{
    private static readonly TrainConfig Base = new() { Model = new ModelOptions { BranchA = "resnet18", BranchB = "efficientnet_v2_t" } };

    [Theory]
    [InlineData("plain-a", "resnet18")]
    [InlineData("plain-b", "efficientnet_v2_t")]
    public void Plain_Baseline_Is_One_Branch_With_Plain_Cross_Entropy_Only(string name, string backbone)
    {
        var c = ExperimentVariant.Find(name).Apply(Base);
        c.Validate(name);
        Assert.Equal((backbone, (string?)null), (c.Model.BranchA, c.Model.BranchB));
        Assert.True(c.Loss.IsPlainCrossEntropy);
        Assert.False(c.Loss.RankRegularization);
        Assert.False(c.Ema.Enabled);
        Assert.False(c.Relabel.Enabled);
    }

    [Fact]
    public void Single_Branch_Ablation_Keeps_The_Method()
    {
        var c = ExperimentVariant.Find("single-a").Apply(Base);
        Assert.Null(c.Model.BranchB);
        Assert.False(c.Loss.IsPlainCrossEntropy);
        Assert.True(c.Loss.RankRegularization && c.Ema.Enabled && c.Relabel.Enabled);
    }

    [Fact]
    public void Rectification_Gate_Variant_Sets_Its_Own_Key()
    {
        var c = ExperimentVariant.Find("hsn-relabel-gate").Apply(Base);
        Assert.Equal((1, (double?)ExperimentVariant.DefaultRectificationBar), (c.Relabel.StartEpoch, c.Relabel.StartTeacherAccuracy));
        var custom = ExperimentVariant.Find("hsn-relabel-gate").Apply(Base with { Relabel = Base.Relabel with { StartTeacherAccuracy = 0.42 } });
        Assert.Equal(0.42, custom.Relabel.StartTeacherAccuracy);
    }
}
