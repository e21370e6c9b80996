using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class TrainConfig_Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("npa-config-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("paper.json")]
    [InlineData("cpu-small.json")]
    [InlineData("ci.json")]
    public void Shipped_Presets_Load_And_Validate(string name)
    {
        var config = TrainConfig.Load(RepoPaths.Config(name));
        Assert.Equal(Path.GetFileNameWithoutExtension(name), config.Name);
        Assert.True(config.Model.IsSiamese);
    }

    [Fact]
    public void Paper_Preset_Holds_The_Paper_Settings()
    {
        var c = TrainConfig.Load(RepoPaths.Config("paper.json"));
        Assert.Equal(("resnet50", "efficientnet_v2_s", 224, 256), (c.Model.BranchA, c.Model.BranchB, c.Data.ImageSize, c.Data.ResizeShorter));
        Assert.Equal((70, 64, 1e-4, 1e-4), (c.Optim.Epochs, c.Optim.BatchSize, c.Optim.LearningRate, c.Optim.WeightDecay));
        Assert.Equal((0.5, 0.1, 0.999, 10, 0.2), (c.Loss.Beta, c.Loss.Delta1, c.Ema.Decay, c.Relabel.StartEpoch, c.Relabel.Margin));
        Assert.Equal((0.4, 0.8, 50, 70), (c.Relabel.Delta2Start, c.Relabel.Delta2End, c.Relabel.Delta2RiseEpoch, c.Relabel.Delta2ReferenceEpochs));
        Assert.Equal(("eq9", 0.1, 0.1), (c.Data.Noise, c.Data.NoiseRate, c.Model.Dropout));
    }

    [Fact]
    public void Unknown_Key_Is_Rejected_With_Its_Name()
    {
        var e = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write("""{ "optim": { "epochz": 3 } }""")));
        Assert.Contains("epochz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Values_Are_All_Listed_By_Key()
    {
        var e = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "loss": { "beta": 1.5 }, "optim": { "batch_size": 1 }, "ema": { "buffers": "mean" }, "data": { "noise": "gauss" } }""")));
        Assert.Contains("loss.beta: must be in (0, 1), got 1.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("optim.batch_size: must be in [2, 4096], got 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("ema.buffers: must be copy or ema, got 'mean'", e.Message, StringComparison.Ordinal);
        Assert.Contains("data.noise: must be eq9, symmetric or none, got 'gauss'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objective_And_Rectification_Bar_Are_Checked_By_Key()
    {
        var e = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "loss": { "objective": "focal" }, "relabel": { "start_teacher_accuracy": 1.5 } }""")));
        Assert.Contains("loss.objective: must be alpha_weighted, cross_entropy or co_teaching, got 'focal'", e.Message, StringComparison.Ordinal);
        Assert.Contains("relabel.start_teacher_accuracy: must be in [0, 1], got 1.5", e.Message, StringComparison.Ordinal);
        var plain = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write("""{ "loss": { "objective": "cross_entropy" } }""")));
        Assert.Contains("loss.rank_regularization: objective cross_entropy has no α to rank: set it to false", plain.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Co_Teaching_And_Co_Divide_Options_Are_Checked_By_Key()
    {
        var single = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "model": { "branch_b": null }, "loss": { "objective": "co_teaching", "rank_regularization": false, "forget_rate": 1.2 } }""")));
        Assert.Contains("loss.forget_rate: must be in [0, 1), got 1.2", single.Message, StringComparison.Ordinal);
        Assert.Contains("loss.objective: co_teaching exchanges samples between two branches: set model.branch_b", single.Message, StringComparison.Ordinal);

        var forgetWithoutCoTeaching = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write("""{ "loss": { "forget_rate": 0.2 } }""")));
        Assert.Contains("loss.forget_rate: only the co_teaching objective forgets samples", forgetWithoutCoTeaching.Message, StringComparison.Ordinal);

        var divide = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "loss": { "alpha_supervision": "mixup", "alpha_supervision_weight": -1 }, "relabel": { "candidates": "co_divide" } }""")));
        Assert.Contains("loss.alpha_supervision: must be co_divide or absent, got 'mixup'", divide.Message, StringComparison.Ordinal);
        Assert.Contains("loss.alpha_supervision_weight: must be in [0, 100], got -1", divide.Message, StringComparison.Ordinal);
        Assert.Contains("relabel.candidates: co_divide candidates come from the loss mixtures", divide.Message, StringComparison.Ordinal);

        var plain = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "loss": { "objective": "cross_entropy", "rank_regularization": false, "alpha_supervision": "co_divide" } }""")));
        Assert.Contains("loss.alpha_supervision: co-divide supervises α across two branches, which objective cross_entropy does not have", plain.Message, StringComparison.Ordinal);

        var posterior = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "data": { "noise": "none", "assumed_noise_rate": 1.5 }, "model": { "temperature_fit": "labels" }, "relabel": { "rule": "bayes", "posterior_threshold": 0.4, "candidates": "some" } }""")));
        Assert.Contains("data.assumed_noise_rate: must be in [0, 1), got 1.5", posterior.Message, StringComparison.Ordinal);
        Assert.Contains("model.temperature_fit: must be noise_aware or absent, got 'labels'", posterior.Message, StringComparison.Ordinal);
        Assert.Contains("relabel.rule: must be noise_posterior or absent, got 'bayes'", posterior.Message, StringComparison.Ordinal);
        Assert.Contains("relabel.posterior_threshold: must be in (0.5, 1], got 0.4", posterior.Message, StringComparison.Ordinal);
        Assert.Contains("relabel.candidates: must be co_divide, all or absent, got 'some'", posterior.Message, StringComparison.Ordinal);

        // With no injected noise and no assumed rate, no label is believed wrong: the noise-aware rules refuse to start.
        var unknownRate = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write(
            """{ "data": { "noise": "none" }, "model": { "temperature_fit": "noise_aware" }, "relabel": { "rule": "noise_posterior" } }""")));
        Assert.Contains("relabel.rule: noise_posterior weighs the labels against the share believed wrong: set data.assumed_noise_rate", unknownRate.Message, StringComparison.Ordinal);
        Assert.Contains("model.temperature_fit: noise_aware needs the share of labels believed wrong: set data.assumed_noise_rate", unknownRate.Message, StringComparison.Ordinal);
        var assumed = TrainConfig.Load(Write(
            """{ "data": { "noise": "none", "assumed_noise_rate": 0.15 }, "model": { "temperature_fit": "noise_aware" }, "relabel": { "rule": "noise_posterior", "candidates": "all" } }"""));
        Assert.Equal(0.15, assumed.Data.EffectiveNoiseRate);
        Assert.Equal(0.85, assumed.Data.NoiseTransition(8)![3][3], 12);
        Assert.Equal(0.9, assumed.Relabel.EffectivePosteriorThreshold);

        var coTeachingDivide = TrainConfig.Load(Write(
            """{ "loss": { "objective": "co_teaching", "rank_regularization": false, "alpha_supervision": "co_divide" } }"""));
        Assert.True(coTeachingDivide.Loss.IsCoDivide && coTeachingDivide.Loss.IsCoTeaching);

        var fusion = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Write("""{ "model": { "fusion": "max" } }""")));
        Assert.Contains("model.fusion: must be one of mean, alpha_weighted, confidence_weighted, got 'max'", fusion.Message, StringComparison.Ordinal);

        var good = TrainConfig.Load(Write(
            """{ "loss": { "alpha_supervision": "co_divide", "alpha_supervision_weight": 0.5 }, "relabel": { "candidates": "co_divide" } }"""));
        Assert.True(good.Loss.IsCoDivide);
        Assert.True(good.Relabel.CandidatesFromCoDivide);
    }

    [Fact]
    public void New_Keys_Left_Unset_Keep_An_Older_Config_Hash()
    {
        // Finished experiment runs are reused by config; keys added later must not change an existing preset's JSON.
        var config = new TrainConfig();
        Assert.DoesNotContain("objective", config.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("start_teacher_accuracy", config.ToJson(), StringComparison.Ordinal);
        foreach (string key in new[] { "forget_rate", "forget_ramp_epochs", "alpha_supervision", "candidates", "fusion", "assumed_noise_rate", "temperature_fit", "rule", "posterior_threshold" })
            Assert.DoesNotContain(key, config.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_File_Gives_Clear_Error()
    {
        var e = Assert.Throws<TrainConfigException>(() => TrainConfig.Load(Path.Combine(dir, "nope.json")));
        Assert.Contains("training config not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_Changes_With_Any_Setting()
    {
        var a = new TrainConfig();
        Assert.Equal(a.Hash(), new TrainConfig().Hash());
        Assert.NotEqual(a.Hash(), (a with { Ema = a.Ema with { Warmup = false } }).Hash());
    }
}
