using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Training;

public sealed class EmaTeacher_Tests
{
    private static nn.Module Net() => nn.Sequential(("fc", nn.Linear(1, 1, hasBias: false)), ("bn", nn.BatchNorm1d(1)));

    private static void SetWeight(nn.Module m, float w)
    {
        using var _ = no_grad();
        m.named_parameters().Single(p => p.name == "fc.weight").parameter.fill_(w);
    }

    private static float Weight(nn.Module m) => m.named_parameters().Single(p => p.name == "fc.weight").parameter.item<float>();

    private static Tensor Buffer(nn.Module m, string name) => m.named_buffers().Single(b => b.name == name).buffer;

    // With warm-up, update t uses λ_t = min(0.999, (1+t)/(10+t)).
    // t = 0: λ = 1/10 = 0.1;   teacher = 0.1·1 + 0.9·3 = 2.8
    // t = 1: λ = 2/11 = 0.181818; teacher = 0.181818·2.8 + 0.818182·5 = 0.509091 + 4.090909 = 4.6
    [Fact]
    public void Warmup_Decay_Gives_Hand_Computed_Weights()
    {
        var student = Net();
        var teacher = Net();
        SetWeight(student, 1);
        var ema = new EmaTeacher(student, teacher, new EmaOptions());
        Assert.Equal(1f, Weight(teacher)); // copied at start
        SetWeight(student, 3);
        ema.Update();
        Assert.Equal(2.8, Weight(teacher), 5);
        SetWeight(student, 5);
        ema.Update();
        Assert.Equal(4.6, Weight(teacher), 5);
        Assert.Equal(2, ema.Step);
    }

    // Plain λ = 0.999: teacher = 0.999·1 + 0.001·3 = 1.002
    [Fact]
    public void Plain_Decay_Gives_Hand_Computed_Weight()
    {
        var student = Net();
        var teacher = Net();
        SetWeight(student, 1);
        var ema = new EmaTeacher(student, teacher, new EmaOptions { Warmup = false });
        SetWeight(student, 3);
        ema.Update();
        Assert.Equal(1.002, Weight(teacher), 5);
    }

    // (1+t)/(10+t): t=100 → 101/110 = 0.9181818; it reaches 0.999 at t = 8990 (8991/9000).
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(100, 0.9181818)]
    [InlineData(8990, 0.999)]
    [InlineData(100000, 0.999)]
    public void DecayAt_Follows_The_Mean_Teacher_Warmup(long step, double expected) =>
        Assert.Equal(expected, EmaTeacher.DecayAt(step, new EmaOptions()), 6);

    [Fact]
    public void Teacher_Takes_No_Gradients_And_Is_In_Eval_Mode()
    {
        var student = Net();
        var teacher = Net();
        _ = new EmaTeacher(student, teacher, new EmaOptions());
        Assert.All(teacher.parameters(), p => Assert.False(p.requires_grad));
        Assert.All(student.parameters(), p => Assert.True(p.requires_grad));
        Assert.False(teacher.training);
    }

    // Student BN running_mean set to 2 (teacher starts at the copied 0, then the student moves):
    // copy: teacher running_mean = 2;   ema (t = 0, λ = 0.1): 0.1·0 + 0.9·2 = 1.8
    [Theory]
    [InlineData("copy", 2.0)]
    [InlineData("ema", 1.8)]
    public void BatchNorm_Buffers_Are_Copied_Or_Averaged(string mode, double expected)
    {
        var student = Net();
        var teacher = Net();
        var ema = new EmaTeacher(student, teacher, new EmaOptions { Buffers = mode });
        using (no_grad())
        {
            Buffer(student, "bn.running_mean").fill_(2f);
            Buffer(student, "bn.num_batches_tracked").fill_(7);
        }
        ema.Update();
        Assert.Equal(expected, Buffer(teacher, "bn.running_mean").item<float>(), 5);
        Assert.Equal(7, Buffer(teacher, "bn.num_batches_tracked").item<long>());
    }

    [Fact]
    public void Different_Structure_Gives_Clear_Error()
    {
        var student = nn.Sequential(("fc", nn.Linear(2, 1)));
        var teacher = nn.Sequential(("fc", nn.Linear(3, 1)));
        var e = Assert.Throws<ArgumentException>(() => new EmaTeacher(student, teacher, new EmaOptions()));
        Assert.Contains("parameter 'fc.weight' is [1,2] in the student but [1,3] in the teacher", e.Message, StringComparison.Ordinal);
    }
}
